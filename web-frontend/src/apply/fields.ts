/** Where a message of the application form is shown: applicant inputs, the household (calculator inputs), consent. */
import { targetOfField, type FieldErrors } from '../calculator/fields';
import type { ApplicantErrors } from './application';
import type { ApplyStep } from './session';

export const applicantInputId = (field: string) => `apply-applicant-${field}`;
export const SITUATION_ID = 'apply-situation';
export const CONSENT_ID = 'apply-consent';
export const consentInputId = (memberId: string) => `apply-consent-${memberId}`;

export interface ApplyTarget {
  step: ApplyStep;
  id: string;
}

/** The input of a server field path (`applicant.phone`, `household.members[1].birthDate`, `consent`), or null. */
export function targetOfApplyField(path: string, memberCount: number): ApplyTarget | null {
  const applicant = /(?:^|\.)applicant\.(name|nationalId|phone|address)\b/.exec(path);
  if (applicant) return { step: 'applicant', id: applicantInputId(applicant[1]!) };
  if (/(?:^|\.)applicant$/.test(path)) return { step: 'applicant', id: applicantInputId('name') };
  if (/(?:^|\.)situation$/.test(path)) return { step: 'situation', id: SITUATION_ID };
  if (/(?:^|\.)consent$/.test(path)) return { step: 'submit', id: CONSENT_ID };
  const household = targetOfField(path, memberCount);
  return household ? { step: household.step, id: household.id } : null;
}

export function applicantFieldErrors(errors: ApplicantErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [field, key] of Object.entries(errors)) if (key) result[applicantInputId(field)] = { key };
  return result;
}
