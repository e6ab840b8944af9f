/** Where a message of the application form is shown: applicant inputs, the household (calculator inputs), consent. */
import type { FieldError } from '../api';
import { targetOfField, type FieldErrors } from '../calculator/fields';
import type { HouseholdForm } from '../calculator/household';
import { birthDateOfId, isValidNationalId, type ApplicantErrors } from './application';
import { APPLY_STEPS, type ApplyStep } from './session';

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

/** The server's field errors by input id, the ones that fit no input, and the first step that has one. */
export function placeServerErrors(
  fieldErrors: readonly FieldError[],
  memberCount: number,
  text: (message: string) => string,
): { errors: FieldErrors; unplaced: string[]; firstStep: number | null } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  let first: number | null = null;
  for (const fe of fieldErrors) {
    const target = targetOfApplyField(fe.field, memberCount);
    if (!target) {
      unplaced.push(text(fe.message));
      continue;
    }
    errors[target.id] ??= { text: text(fe.message) };
    const index = APPLY_STEPS.indexOf(target.step);
    first = first === null ? index : Math.min(first, index);
  }
  return { errors, unplaced, firstStep: first };
}

/**
 * The consents before submitting: the applicant's box, and for each other adult a valid id number whose birth
 * date is the one entered for them (the server refuses another person's number) and their box.
 */
export function checkConsents(
  applicantAgreed: boolean,
  adults: readonly { memberId: string; index: number }[],
  consents: Readonly<Record<string, { nationalId: string; agreed: boolean } | undefined>>,
  household: HouseholdForm,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!applicantAgreed) errors[CONSENT_ID] = { key: 'apply.error.consent' };
  for (const adult of adults) {
    const consent = consents[adult.memberId] ?? { nationalId: '', agreed: false };
    const idField = `${consentInputId(adult.memberId)}-id`;
    if (!isValidNationalId(consent.nationalId)) errors[idField] = { key: 'apply.error.nationalId' };
    else if (birthDateOfId(consent.nationalId) !== household.members[adult.index]?.birthDate) {
      errors[idField] = { key: 'apply.error.idBirthDate' };
    }
    if (!consent.agreed) errors[consentInputId(adult.memberId)] = { key: 'apply.error.memberConsent' };
  }
  return errors;
}
