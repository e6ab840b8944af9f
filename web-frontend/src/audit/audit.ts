/** The auditor's read side (`/api/v1/audit`): events newest first with filters and cursor pages, and the chain check. */
import { api } from '../api';

export interface AuditEvent {
  id: number;
  occurredAt: string;
  subject: string;
  role: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  reason: string | null;
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  next: string | null;
}

export interface ChainVerification {
  intact: boolean;
  firstBrokenId: number | null;
  rows: number;
  newestHash: string | null;
}

/** What the auditor typed; `from`/`to` as the `datetime-local` inputs give them (local time, no zone). */
export interface AuditFilter {
  subject: string;
  action: string;
  objectType: string;
  objectId: string;
  from: string;
  to: string;
}

export function emptyFilter(): AuditFilter {
  return { subject: '', action: '', objectType: '', objectId: '', from: '', to: '' };
}

/** A `datetime-local` value as the ISO-8601 instant the API wants; '' stays ''. */
export function isoInstant(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** The API query of a page: only the filled filters, the cursor and the page size. */
export function auditQuery(filter: AuditFilter, cursor: string | null, limit = 50): string {
  const params = new URLSearchParams();
  for (const key of ['subject', 'action', 'objectType', 'objectId'] as const) {
    const value = filter[key].trim();
    if (value) params.set(key, value);
  }
  if (filter.from) params.set('from', isoInstant(filter.from));
  if (filter.to) params.set('to', isoInstant(filter.to));
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Input ids of the filter form for the server's field names. */
export function auditInputOf(field: string): string | null {
  const last = field.split('.').pop() ?? '';
  return ['subject', 'action', 'objectType', 'objectId', 'from', 'to'].includes(last) ? `audit-${last}` : null;
}

export const audit = {
  events: (filter: AuditFilter, cursor: string | null) => api.get<AuditPage>(`/api/v1/audit/events?${auditQuery(filter, cursor)}`),
  verify: () => api.get<ChainVerification>('/api/v1/audit/verification'),
};
