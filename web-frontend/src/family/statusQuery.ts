/**
 * The no-account status query: intake number + the last 6 characters of the applicant's id, a one-time code
 * texted to the phone registered with the application, then a read-only, strictly masked status.
 * Backend: `POST /api/v1/status-queries`, `POST /api/v1/status-queries/{id}/verification` (no login).
 */
import { api, isApiError } from '../api';
import type { IntakeStatus } from '../applications/tracking';
import type { LocalizedText } from '../calculator/results';
import type { FieldErrors } from '../calculator/fields';
import type { MessageKey } from '../messages';

export interface StartedQuery {
  queryId: string;
  expiresAt: string;
  message: LocalizedText | null;
}

export const INTAKE_NUMBER = /^JZ-\d{6}-\d{4}-\d{6}$/;

export function normalizeNumber(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

export const statusQueries = {
  start: (intakeNumber: string, idLast6: string) =>
    api.post<StartedQuery>('/api/v1/status-queries', { intakeNumber: normalizeNumber(intakeNumber), idLast6: idLast6.trim().toUpperCase() }, { anonymous: true }),
  verify: (queryId: string, code: string) =>
    api.post<IntakeStatus>(`/api/v1/status-queries/${encodeURIComponent(queryId)}/verification`, { code: code.trim() }, { anonymous: true }),
};

export function validateQuery(intakeNumber: string, idLast6: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!INTAKE_NUMBER.test(normalizeNumber(intakeNumber))) errors['query-intakeNumber'] = { key: 'query.error.number' };
  if (!/^\d{5}[\dX]$/.test(idLast6.trim().toUpperCase())) errors['query-idLast6'] = { key: 'query.error.idLast6' };
  return errors;
}

/** Plain words for a refused query or code; 429 and 410 say what to do next. */
export function queryProblemKey(error: unknown): MessageKey | null {
  if (!isApiError(error)) return null;
  if (error.status === 429) return 'query.error.tooMany';
  if (error.status === 410) return 'query.error.closed';
  if (error.status === 404) return 'query.error.closed';
  if (error.status === 422 && error.problem.type.endsWith('wrong-code')) return 'query.error.wrongCode';
  return null;
}

/** Attempts left, read from the server's detail (`还可尝试 3 次 / ... 3 attempt(s) left`). */
export function attemptsLeft(detail: string | undefined): number | null {
  const match = /(\d+)\s*attempt/.exec(detail ?? '') ?? /还可尝试\s*(\d+)/.exec(detail ?? '');
  return match ? Number(match[1]) : null;
}
