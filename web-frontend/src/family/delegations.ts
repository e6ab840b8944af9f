/**
 * Family delegation (委托家人): the applicant lets a real-name registered family member follow one application;
 * the family member lists what was delegated to them. Backend: `delegation/api`.
 */
import { api } from '../api';
import type { FieldErrors } from '../calculator/fields';
import { isValidNationalId } from '../apply/application';

export const SCOPES = ['VIEW_STATUS', 'UPLOAD_DOCUMENTS', 'ACT_FOR_ME'] as const;
export type DelegationScope = (typeof SCOPES)[number];

/** A delegation as the applicant sees it; the family member's name and id come masked. */
export interface Delegation {
  id: string;
  intakeId: string;
  delegateName: string | null;
  delegateNationalId: string | null;
  scope: DelegationScope;
  endsOn: string;
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED' | string;
  grantedByRole: string;
  reason: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** What a family member was given (only those in force). */
export interface ReceivedDelegation {
  id: string;
  intakeId: string;
  intakeNumber: string;
  applicantName: string;
  scope: DelegationScope;
  endsOn: string;
}

export interface GrantForm {
  nationalId: string;
  phone: string;
  scope: DelegationScope;
  endsOn: string;
}

const base = (intakeId: string) => `/api/v1/intakes/${encodeURIComponent(intakeId)}/delegations`;

export const delegations = {
  list: (intakeId: string) => api.get<Delegation[]>(base(intakeId)),
  /** The same key on a retry replays the first answer instead of granting twice. */
  grant: (intakeId: string, form: GrantForm, idempotencyKey: string) =>
    api.post<Delegation>(base(intakeId), grantBody(form), { idempotencyKey }),
  revoke: (intakeId: string, delegationId: string) => api.delete(`${base(intakeId)}/${encodeURIComponent(delegationId)}`),
  received: () => api.get<ReceivedDelegation[]>('/api/v1/delegations/received'),
};

export function grantBody(form: GrantForm): GrantForm {
  return { nationalId: form.nationalId.trim().toUpperCase(), phone: form.phone.replace(/\s+/g, ''), scope: form.scope, endsOn: form.endsOn };
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The same day `months` later, the last day of that month when it is shorter (like Java's plusMonths). */
export function plusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(y, m - 1 + months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d, lastDay));
  return isoDate(target);
}

/** The latest end date the backend accepts: 6 months from today. */
export const MAX_MONTHS = 6;

/** Who may do what: the scope includes those before it. */
export function allowsUpload(scope: DelegationScope | string): boolean {
  return scope === 'UPLOAD_DOCUMENTS' || scope === 'ACT_FOR_ME';
}

/** Checks made before sending, keyed by input id (`family-grant-<field>`). */
export function validateGrant(form: GrantForm, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!isValidNationalId(form.nationalId.trim().toUpperCase())) errors['family-grant-nationalId'] = { key: 'apply.error.nationalId' };
  if (!/^1\d{10}$/.test(form.phone.replace(/\s+/g, ''))) errors['family-grant-phone'] = { key: 'family.error.phone' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.endsOn) || form.endsOn < today || form.endsOn > plusMonths(today, MAX_MONTHS)) {
    errors['family-grant-endsOn'] = { key: 'family.error.endsOn' };
  }
  return errors;
}
