/**
 * Opens an invitation's prefilled draft in the apply flow: the draft is loaded by its id and put into the apply
 * session (page memory), so the address stays `/apply` and nothing of the draft touches the browser's storage.
 */
import { formFromDraft } from '../apply/application';
import { drafts } from '../apply/drafts';
import { applySession, resetApplySession } from '../apply/session';

export async function openDraft(draftId: string): Promise<void> {
  const draft = await drafts.get(draftId);
  resetApplySession();
  applySession.form = formFromDraft(draft);
  applySession.draftId = draft.id;
  applySession.version = draft.version;
  applySession.phase = 'steps';
}
