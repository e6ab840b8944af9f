/** The compact household form of assisted filing (代办) on the phone, built on the apply form's model. */
import { birthDateOfId, buildDraftRequest, emptyApplication, type ApplicationForm, type DraftRequest } from '../apply/application';
import { newMember, type Relationship } from '../calculator/household';

/** A new filing for the caller whose id number was looked up: the applicant's birth date comes from it. */
export function filingFor(nationalId: string): ApplicationForm {
  const form = emptyApplication();
  form.applicant.nationalId = nationalId;
  const applicant = form.household.members[0];
  if (applicant) applicant.birthDate = birthDateOfId(nationalId) ?? '';
  return form;
}

export function addMember(form: ApplicationForm, relationship: Relationship = 'SPOUSE'): void {
  form.household.members.push(newMember(relationship));
}

export function filingRequest(form: ApplicationForm, today: string): DraftRequest {
  return buildDraftRequest(form, today);
}

/** Input ids of the filing form for the server's field paths (`applicant.name`, `household.members[1].birthDate`). */
export function filingInputOf(field: string): string | null {
  const applicant = /(?:^|\.)applicant\.(name|phone|address)$/.exec(field);
  if (applicant) return `filing-${applicant[1]}`;
  const member = /members\[(\d+)\]\.(birthDate|employment|monthlyIncome|relationship)$/.exec(field);
  if (member) return `filing-m${member[1]}-${member[2]}`;
  if (/regionCode$/.test(field)) return 'filing-region';
  if (/hukou$/.test(field)) return 'filing-hukou';
  if (/situation$/.test(field)) return 'filing-situation';
  return null;
}
