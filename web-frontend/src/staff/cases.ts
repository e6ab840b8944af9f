/** The staff side of program cases: work queue, case file, transitions, verification (`/api/v1/cases`). */
import { api } from '../api';
import type { LocalizedText } from '../calculator/results';
import type { Deadline, TimelineEntry } from '../applications/tracking';

export const CASE_STEPS = [
  'SUBMITTED',
  'ACCEPTED',
  'RETURNED',
  'VERIFYING',
  'HOME_VISIT',
  'COMMUNITY_REVIEW',
  'PUBLIC_NOTICE',
  'APPROVED',
  'REJECTED',
  'PAYING',
  'CLOSED',
  'WITHDRAWN',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];
/** Steps with work still to do, for the queue's filter. */
export const OPEN_STEPS: CaseStep[] = ['SUBMITTED', 'ACCEPTED', 'RETURNED', 'VERIFYING', 'HOME_VISIT', 'COMMUNITY_REVIEW', 'PUBLIC_NOTICE', 'APPROVED', 'PAYING'];
export const REJECTION_REASONS = [
  'INCOME_ABOVE_STANDARD',
  'ASSETS_ABOVE_LIMIT',
  'NOT_IN_SCOPE',
  'ABLE_SUPPORTER',
  'DOCUMENTS_NOT_PROVIDED',
  'FALSE_DECLARATION',
  'OBJECTION_UPHELD',
  'OTHER',
] as const;
export const DOCUMENT_TYPES = [
  'ID_CARD',
  'HOUSEHOLD_REGISTER',
  'INCOME_PROOF',
  'MEDICAL_BILLS',
  'DISCHARGE_SUMMARY',
  'TUITION_RECEIPTS',
  'DISABILITY_CERTIFICATE',
  'SCHOOL_ENROLMENT_PROOF',
  'HOUSE_LEASE',
  'HOUSING_CONDITION_PROOF',
  'INCIDENT_PROOF',
  'UNEMPLOYMENT_REGISTRATION',
  'PARENTS_STATUS_PROOF',
  'VERIFICATION_CONSENT',
  'OTHER',
] as const;

export interface CaseSummary {
  id: string;
  intakeId: string;
  intakeNumber: string;
  applicantName: string;
  program: string;
  agency: string;
  regionCode: string;
  step: CaseStep;
  urgent: boolean;
  version: number;
  deadline: Deadline | null;
  dueAt: string | null;
  overdue: boolean;
  updatedAt: string;
  /** Handed over by the hotline for a caller and not moved since. */
  hotlineHandoff?: boolean;
}

export interface QueuePage {
  items: CaseSummary[];
  next: string | null;
}

export interface NextStep {
  to: CaseStep;
  role: string;
  yours: boolean;
}

export interface FieldCheck {
  field: string;
  declared: number | null;
  recorded: number | null;
  agency: string | null;
  outcome: 'MATCH' | 'DISCREPANCY' | 'NO_RECORD';
}

export interface VerificationResult {
  performedAt: string;
  sources: string[];
  discrepancies: number;
  members: { memberId: string; relationship: string; checked: boolean; checks: FieldCheck[] }[];
  household: FieldCheck[];
}

export interface HouseholdMemberView {
  id: string;
  relationship: string;
  birthDate: string | null;
  disabilityGrade: number | null;
  seriousIllness: boolean;
  schooling: string | null;
  employment: string | null;
  monthlyIncome: number | null;
  parentsUnableToRaise: boolean;
}

export interface CaseDetail {
  id: string;
  intakeId: string;
  intakeNumber: string;
  program: string;
  programName: LocalizedText;
  agency: string;
  regionCode: string;
  step: CaseStep;
  stepName: LocalizedText;
  urgent: boolean;
  fastTrack: boolean;
  version: number;
  verdict: string | null;
  estimateAmount: number | null;
  estimatePeriod: string | null;
  members: string[];
  deadline: Deadline | null;
  requestedDocuments: string[];
  returnedFrom: CaseStep | null;
  nextSteps: NextStep[];
  applicant: { name: string; nationalId: string; phone: string; address: string | null } | null;
  household: {
    regionCode: string;
    hukou: string;
    asOf: string | null;
    members: HouseholdMemberView[];
    assets: { financialAssets: number; nonEssentialVehicles: number; ownedHomes: number } | null;
    rigidExpenditure12m: { medical: number; education: number } | null;
    hasAbleSupporter: boolean | null;
    housing: string | null;
    suddenEvent: { type: string; date: string; loss: number } | null;
  } | null;
  consents: { complete: boolean; members: { memberId: string; relationship: string; adult: boolean; signed: boolean }[] } | null;
  verification: VerificationResult | null;
  decision: { outcome: string; reasonCode: string | null; reason: LocalizedText | null; decidedAt: string } | null;
  objections: { id: string; receivedAt: string; text: string }[];
  timeline: TimelineEntry[];
  openedAt: string;
}

export interface TransitionRequest {
  to: CaseStep;
  note?: string;
  documents?: string[];
  reason?: { code: string; zh: string; en: string };
}

export interface QueueFilter {
  steps: CaseStep[];
  overdue: boolean | null;
  after: string | null;
}

/** The query string of a queue page: only step codes, a flag and the server's cursor (no personal data). */
export function queueQuery(filter: QueueFilter, limit = 20): string {
  const params = new URLSearchParams();
  for (const step of filter.steps) params.append('step', step);
  if (filter.overdue !== null) params.set('overdue', String(filter.overdue));
  params.set('limit', String(limit));
  if (filter.after) params.set('after', filter.after);
  return params.toString();
}

export const cases = {
  queue: (filter: QueueFilter) => api.get<QueuePage>(`/api/v1/cases?${queueQuery(filter)}`),
  detail: (id: string) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`),
  /** `version` is the one read; a stale one answers 412. */
  transition: (id: string, version: number, body: TransitionRequest) =>
    api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/transitions`, body, { ifMatch: version }),
  verify: (id: string) => api.post<VerificationResult>(`/api/v1/cases/${encodeURIComponent(id)}/verification`),
};

/** Queue lines grouped by step in the order of the workflow; within a step the server's order (overdue first). */
export function groupByStep(items: readonly CaseSummary[]): { step: CaseStep; items: CaseSummary[] }[] {
  return CASE_STEPS.map((step) => ({ step, items: items.filter((i) => i.step === step) })).filter((g) => g.items.length);
}

export type ActionKind = 'plain' | 'documents' | 'reject';

export function actionKind(to: CaseStep): ActionKind {
  return to === 'RETURNED' ? 'documents' : to === 'REJECTED' ? 'reject' : 'plain';
}

/** Checks made before a transition is sent; keys are input ids. */
export function checkTransition(body: TransitionRequest): Record<string, 'staff.error.documents' | 'staff.error.reasonZh' | 'staff.error.reasonEn'> {
  const errors: Record<string, 'staff.error.documents' | 'staff.error.reasonZh' | 'staff.error.reasonEn'> = {};
  if (body.to === 'RETURNED' && !body.documents?.length) errors['action-documents'] = 'staff.error.documents';
  if (body.to === 'REJECTED') {
    if (!body.reason?.zh.trim()) errors['action-reason-zh'] = 'staff.error.reasonZh';
    if (!body.reason?.en.trim()) errors['action-reason-en'] = 'staff.error.reasonEn';
  }
  return errors;
}

/** The input of a server field path of a transition (`documents`, `reason.zh`). */
export function actionInputOf(field: string): string | null {
  if (/(^|\.)documents/.test(field)) return 'action-documents';
  if (/(^|\.)reason\.zh$/.test(field)) return 'action-reason-zh';
  if (/(^|\.)reason\.en$/.test(field)) return 'action-reason-en';
  if (/(^|\.)reason(\.code)?$/.test(field)) return 'action-reason-code';
  if (/(^|\.)note$/.test(field)) return 'action-note';
  return null;
}

/** Age in whole years instead of the birth date: enough for casework, less to expose on screen. */
export function ageFrom(birthDate: string | null, asOf: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ny, nm, nd] = asOf.split('-').map(Number) as [number, number, number];
  return ny - by - (nm < bm || (nm === bm && nd < bd) ? 1 : 0);
}

export function isStaff(roles: readonly string[]): boolean {
  return roles.includes('caseworker') || roles.includes('approver');
}
