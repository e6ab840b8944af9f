/** The resident's view of an intake: `GET /api/v1/intakes/{id}/status`, and what the screen derives from it. */
import { api } from '../api';
import type { LocalizedText } from '../calculator/results';

export interface Deadline {
  kind: string;
  date: string | null;
  dueAt: string | null;
  overdue: boolean;
  text: LocalizedText | null;
}

export interface Decision {
  outcome: string;
  reasonCode: string | null;
  reason: LocalizedText | null;
  decidedAt: string;
  estimateAmount: number | null;
  estimatePeriod: string | null;
}

export interface CaseStatus {
  caseId: string;
  program: string;
  programName: LocalizedText;
  agency: LocalizedText | null;
  step: string;
  stepName: LocalizedText;
  urgent: boolean;
  version: number;
  deadline: Deadline | null;
  decision: Decision | null;
}

export interface TimelineEntry {
  caseId: string | null;
  program: string | null;
  at: string;
  action: string;
  from: string | null;
  to: string | null;
  actorRole: string | null;
  note: string | null;
  reasonCode: string | null;
  documents: string[] | null;
  text: LocalizedText | null;
}

export interface Todo {
  kind: 'DOCUMENTS_REQUESTED' | 'CONSENT_MISSING' | 'OBJECTION_WINDOW' | string;
  caseId: string | null;
  program: string | null;
  documents: string[] | null;
  members: string[] | null;
  until: string | null;
  text: LocalizedText | null;
}

export interface IntakeStatus {
  intakeId: string;
  intakeNumber: string;
  applicantName: string;
  overallState: 'IN_PROGRESS' | 'ACTION_NEEDED' | 'COMPLETED' | 'WITHDRAWN' | string;
  cases: CaseStatus[];
  timeline: TimelineEntry[];
  todos: Todo[];
}

export const tracking = {
  status: (intakeId: string) => api.get<IntakeStatus>(`/api/v1/intakes/${encodeURIComponent(intakeId)}/status`),
  /** Answer a request for documents: the case goes back to its step. */
  resubmit: (intakeId: string, caseId: string, note: string) =>
    api.post(`/api/v1/intakes/${encodeURIComponent(intakeId)}/cases/${encodeURIComponent(caseId)}/resubmission`, { note }),
};

/** Newest first, so the last thing that happened is read first. */
export function newestFirst(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return [...timeline].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const FINISHED = new Set(['REJECTED', 'CLOSED', 'WITHDRAWN']);
const DECIDED = new Set(['APPROVED', 'REJECTED', 'PAYING', 'CLOSED']);

/** The resident may withdraw while the intake is active and no agency has decided yet. */
export function canWithdraw(status: IntakeStatus): boolean {
  if (status.overallState === 'WITHDRAWN' || status.overallState === 'COMPLETED') return false;
  const open = status.cases.filter((c) => !FINISHED.has(c.step));
  return open.length > 0 && !status.cases.some((c) => DECIDED.has(c.step) && c.step !== 'REJECTED');
}

/** Every document type asked for, once, with the cases waiting for it. */
export function requestedDocuments(todos: readonly Todo[]): { types: string[]; caseIds: string[] } {
  const types = new Set<string>();
  const caseIds = new Set<string>();
  for (const todo of todos) {
    if (todo.kind !== 'DOCUMENTS_REQUESTED') continue;
    for (const d of todo.documents ?? []) types.add(d);
    if (todo.caseId) caseIds.add(todo.caseId);
  }
  return { types: [...types], caseIds: [...caseIds] };
}

/** Adults whose verification consent is missing. */
export function consentMissing(todos: readonly Todo[]): string[] {
  return [...new Set(todos.filter((t) => t.kind === 'CONSENT_MISSING').flatMap((t) => t.members ?? []))];
}

/** The deadline as a sentence, in the reader's language; none for a finished case. */
export function deadlineText(c: CaseStatus, zh: boolean): string {
  if (FINISHED.has(c.step) || !c.deadline?.text) return '';
  return zh ? c.deadline.text.zh : c.deadline.text.en;
}
