/**
 * The application being filled in, for this page load only (in memory: the server keeps the draft, so it
 * resumes on any device; nothing is written to the address or to the browser's storage).
 */
import { reactive } from 'vue';
import type { Screening } from '../calculator/results';
import type { FieldErrors } from '../calculator/fields';
import { emptyApplication, type ApplicationForm } from './application';
import type { IntakeView } from './drafts';

export const APPLY_STEPS = ['applicant', 'region', 'members', 'money', 'situation', 'review', 'documents', 'submit'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];
/** The steps that are questions (saved to the draft before moving on). */
export const FORM_STEPS: readonly ApplyStep[] = ['applicant', 'region', 'members', 'money', 'situation'];

export interface ApplySession {
  phase: 'start' | 'steps' | 'done';
  step: number;
  draftId: string | null;
  version: number;
  form: ApplicationForm;
  errors: FieldErrors;
  savedAt: string | null;
  screening: Screening | null;
  /** Kept until the submission succeeds: a retry sends the same key, so it never submits twice. */
  idempotencyKey: string | null;
  consents: Record<string, { nationalId: string; agreed: boolean }>;
  applicantAgreed: boolean;
  intake: IntakeView | null;
  /** Members whose consent could not be signed right after submission (done later on My applications). */
  consentFailures: string[];
}

export const applySession = reactive<ApplySession>(fresh());

function fresh(): ApplySession {
  return {
    phase: 'start',
    step: 0,
    draftId: null,
    version: 0,
    form: emptyApplication(),
    errors: {},
    savedAt: null,
    screening: null,
    idempotencyKey: null,
    consents: {},
    applicantAgreed: false,
    intake: null,
    consentFailures: [],
  };
}

export function resetApplySession(): void {
  Object.assign(applySession, fresh());
}
