/**
 * The hotline desk (`/api/v1/hotline`): a call opened with the call system's reference, the caller verification,
 * look-ups by id number or phone (only after the verification), the masked status, assisted filing, notes, hand-off
 * and the call-back list. What the caller says stays in this page's memory: nothing goes to the address or storage.
 */
import { api, newIdempotencyKey } from '../api';
import type { LocalizedText } from '../calculator/results';
import type { IntakeStatus } from '../applications/tracking';
import type { DraftRequest, DraftView } from '../apply/application';

export const LINES = ['12345', '12349'] as const;
export type Line = (typeof LINES)[number];
/** The server's pattern of a call reference: a code of the call system, never personal data. */
export const CALL_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{3,59}$/;
/** assistance.hotline.min-correct-answers: the server refuses fewer. */
export const MIN_CORRECT_ANSWERS = 2;

export interface Question {
  code: string;
  text: LocalizedText;
}

export interface CallNote {
  id: number;
  writtenAt: string;
  text: string;
}

export interface Call {
  id: string;
  callReference: string;
  line: Line;
  openedAt: string;
  verified: boolean;
  verifiedAt: string | null;
  questionsAnswered: string[];
  intakesFound: string[];
  notes: CallNote[];
}

export interface IntakeMatch {
  intakeId: string;
  intakeNumber: string;
  applicantName: string;
  applicantPhone: string | null;
  regionCode: string;
  status: string;
  submittedAt: string;
}

export interface SearchResult {
  callerRegistered: boolean;
  intakes: IntakeMatch[];
}

export interface AssistedDraft {
  draftId: string;
  callReference: string;
  preparedAt: string;
  draft: DraftView;
  nextStep: LocalizedText;
}

export interface Handoff {
  id: number;
  caseId: string;
  handedAt: string;
  callReference: string;
}

export interface CallbackTask {
  id: string;
  reason: string;
  intakeId: string | null;
  intakeNumber: string | null;
  regionCode: string;
  title: string;
  body: string;
  callbackFrom: string | null;
  callbackTo: string | null;
  createdAt: string;
  completedAt: string | null;
  outcome: string | null;
  note: string | null;
}

/** The number to call for one task, in clear: kept in the component's memory only, never stored or put in an address. */
export interface CallbackPhone {
  taskId: string;
  phone: string;
  source: 'APPLICATION' | 'RESIDENT';
}

export const CALLBACK_OUTCOMES = ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'DECLINED'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export interface SearchRequest {
  nationalId?: string;
  phone?: string;
}

const call = (id: string) => `/api/v1/hotline/calls/${encodeURIComponent(id)}`;

export const hotline = {
  questions: () => api.get<Question[]>('/api/v1/hotline/verification-questions'),
  open: (callReference: string, line: Line) => api.post<Call>('/api/v1/hotline/calls', { callReference, line }),
  get: (id: string) => api.get<Call>(call(id)),
  verify: (id: string, answered: Record<string, boolean>, reason: string) =>
    api.post<Call>(`${call(id)}/verification`, {
      questionsAnswered: Object.entries(answered).map(([question, correct]) => ({ question, correct })),
      reason,
    }),
  // A POST, so the id number or phone travels in the body and never in an address or a log of addresses.
  search: (id: string, request: SearchRequest) => api.post<SearchResult>(`${call(id)}/searches`, request),
  status: (id: string, intakeId: string) => api.get<IntakeStatus>(`${call(id)}/intakes/${encodeURIComponent(intakeId)}/status`),
  prepareDraft: (id: string, draft: DraftRequest) => api.post<AssistedDraft>(`${call(id)}/drafts`, draft),
  /** `key` is kept by the caller and sent again on a retry, so the intake is never submitted twice. */
  submitVerbally: (id: string, draftId: string, consentTextVersion: string, key: string) =>
    api.post<{ id: string; intakeNumber: string; status: string }>(
      `${call(id)}/drafts/${encodeURIComponent(draftId)}/verbal-submission`,
      { consentTextVersion, consentReadOut: true, callerConsented: true },
      { idempotencyKey: key },
    ),
  note: (id: string, text: string) => api.post<CallNote>(`${call(id)}/notes`, { text }),
  handOff: (id: string, intakeId: string, caseId: string, note: string) =>
    api.post<Handoff>(`${call(id)}/intakes/${encodeURIComponent(intakeId)}/cases/${encodeURIComponent(caseId)}/handoff`, note ? { note } : {}),
  callbacks: (cursor: string | null) =>
    api.get<{ items: CallbackTask[]; next: string | null }>(`/api/v1/hotline/callback-tasks?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  completeCallback: (taskId: string, outcome: CallbackOutcome, note: string) =>
    api.post<CallbackTask>(`/api/v1/hotline/callback-tasks/${encodeURIComponent(taskId)}/completion`, { outcome, note: note || null }),
  /** Audited on the server with the reason; a POST so the number never appears in an address. */
  revealCallbackPhone: (taskId: string, reason: string) =>
    api.post<CallbackPhone>(`/api/v1/hotline/callback-tasks/${encodeURIComponent(taskId)}/phone-reveal`, { reason }),
  consentText: () => api.get<{ version: string; effectiveFrom: string; text: LocalizedText }>('/api/v1/verification-consent-texts/current'),
};

export { newIdempotencyKey };

/** Which of the two look-up keys was typed: an 18-character id number or an 11-digit mobile number. */
export function searchRequest(query: string): SearchRequest | null {
  const value = query.replace(/\s+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(value)) return { nationalId: value };
  if (/^1\d{10}$/.test(value)) return { phone: value };
  return null;
}

/** Input ids of the hotline forms for the server's field paths (`open.request.callReference`, `nationalId`, ...). */
export function hotlineInputOf(field: string): string | null {
  const last = field.split('.').pop() ?? '';
  switch (last) {
    case 'callReference':
      return 'call-reference';
    case 'line':
      return 'call-line';
    case 'reason':
      return 'verify-reason';
    case 'questionsAnswered':
      return 'verify-questions';
    case 'nationalId':
    case 'phone':
      return 'search-query';
    case 'text':
      return 'note-text';
    case 'note':
      return 'handoff-note';
    default:
      return null;
  }
}

/** Checks before opening a call; keys are input ids. */
export function checkCall(callReference: string): Record<string, 'hotline.error.reference'> {
  return CALL_REFERENCE.test(callReference.trim()) ? {} : { 'call-reference': 'hotline.error.reference' };
}

/** Checks before recording the verification; keys are input ids. */
export function checkVerification(answered: Record<string, boolean>, reason: string): Record<string, 'hotline.error.tooFew' | 'hotline.error.reason'> {
  const errors: Record<string, 'hotline.error.tooFew' | 'hotline.error.reason'> = {};
  if (Object.values(answered).filter(Boolean).length < MIN_CORRECT_ANSWERS) errors['verify-questions'] = 'hotline.error.tooFew';
  if (reason.trim().length < 4) errors['verify-reason'] = 'hotline.error.reason';
  return errors;
}

/** True when a text holds something that looks like a full 18-character id number (a leak this page must not show). */
export function hasFullNationalId(text: string): boolean {
  return /(?<![\dX])\d{17}[\dX](?![\dX])/i.test(text);
}
