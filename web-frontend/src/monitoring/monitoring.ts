/**
 * Dynamic monitoring and "policy finds people" (`/api/v1/monitoring`, `/api/v1/me/invitations`): the caseworker's
 * signal import, warning queue, visits, dismissal, invitation, direct grants and dashboard, and the resident's
 * invitations. Ids of persons only ever arrive masked; nothing here is kept outside the page's memory.
 */
import { api, apiFetch, isApiError, uploadForm, type FieldError } from '../api';
import type { Locale } from '../messages';
import { serverText } from '../problems';

export type WarningLevel = 'RED' | 'ORANGE' | 'YELLOW';
export const LEVELS: readonly WarningLevel[] = ['RED', 'ORANGE', 'YELLOW'];
export type WarningStatus = 'OPEN' | 'VISITED' | 'DISMISSED' | 'INVITED';
export type SignalType =
  | 'MEDICAL_BILL'
  | 'DISABILITY_CERTIFICATE'
  | 'UNEMPLOYMENT_REGISTRATION'
  | 'DEATH_IN_HOUSEHOLD'
  | 'DISASTER'
  | 'SCHOOL_DROP_OUT'
  | 'PROGRAM_ENDED';
export type VisitOutcome = 'IN_DIFFICULTY' | 'NOT_IN_DIFFICULTY' | 'NOT_AT_HOME' | 'MOVED_AWAY';
export const OUTCOMES: readonly VisitOutcome[] = ['IN_DIFFICULTY', 'NOT_IN_DIFFICULTY', 'NOT_AT_HOME', 'MOVED_AWAY'];

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface MonitoredPerson {
  name: string;
  nationalId: string;
  age: number | null;
}

export interface SignalReceipt {
  signalId: string;
  id: string;
  status: 'CREATED' | 'ALREADY_RECEIVED';
  type: SignalType;
  regionCode: string;
  nationalId: string;
  receivedAt: string;
}

export interface SignalImportResult {
  source: string | null;
  created: number;
  alreadyReceived: number;
  warnings: number;
  signals: SignalReceipt[];
}

export interface WarningSummary {
  id: string;
  level: WarningLevel;
  rule: string;
  signalType: SignalType;
  regionCode: string;
  reason: string;
  person: MonitoredPerson;
  status: WarningStatus;
  createdAt: string;
}

export interface WarningPage {
  items: WarningSummary[];
  next: string | null;
}

export interface VisitView {
  id: string;
  visitedOn: string;
  outcome: VisitOutcome;
  note: string | null;
  recordedAt: string;
}

export interface WarningDetail {
  id: string;
  level: WarningLevel;
  rule: string;
  reason: string;
  status: WarningStatus;
  regionCode: string;
  createdAt: string;
  person: MonitoredPerson;
  signal: {
    source: string;
    signalId: string;
    type: SignalType;
    typeName: LocalizedText;
    occurredOn: string;
    amount: number | null;
    disabilityGrade: number | null;
    program: string | null;
    receivedAt: string;
  };
  activePrograms: string[];
  pastIntakes: number;
  activeIntake: boolean;
  visits: VisitView[];
  dismissReason: string | null;
  invitationId: string | null;
  version: number;
}

export interface InvitationStaffView {
  id: string;
  warningId: string;
  likelyPrograms: string[];
  invitedAt: string;
  residentBound: boolean;
}

export interface DirectGrantRequest {
  program: 'OLD_AGE_ALLOWANCE';
  nationalId: string;
  name: string;
  regionCode: string;
  startsOn?: string;
}

export interface DirectGrantView {
  id: string;
  program: string;
  regionCode: string;
  person: MonitoredPerson;
  amount: number | null;
  period: string | null;
  startsOn: string;
  parameterVersion: string | null;
  startedAt: string;
}

export interface Figures {
  signals: number;
  warnings: Partial<Record<WarningLevel, number>>;
  invited: number;
  applied: number;
  helped: number;
  directGrants: number;
}

export interface Dashboard {
  region: string;
  totals: Figures;
  regions: { regionCode: string; figures: Figures }[];
}

export interface MyInvitation {
  id: string;
  invitedAt: string;
  why: string;
  likelyPrograms: { program: string; name: LocalizedText }[];
  draftId: string | null;
  howToOptOut: string;
  optedOutAt: string | null;
}

export interface OptOutView {
  invitationId: string;
  optedOutAt: string;
  optedOutUntil: string;
  message: string;
}

const id = encodeURIComponent;

export const monitoring = {
  /** The CSV file as an upload (field `file`); the server checks it whole and stores all rows or none. */
  importCsv: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<SignalImportResult>('/api/v1/monitoring/signal-imports', form).promise;
  },
  warnings: (cursor: string | null, limit = 20) => {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    return api.get<WarningPage>(`/api/v1/monitoring/warnings?${params}`);
  },
  warning: (warningId: string) => api.get<WarningDetail>(`/api/v1/monitoring/warnings/${id(warningId)}`),
  visit: (warningId: string, body: { visitedOn: string; outcome: VisitOutcome | ''; note: string }) =>
    api.post<WarningDetail>(`/api/v1/monitoring/warnings/${id(warningId)}/visits`, {
      visitedOn: body.visitedOn || null,
      outcome: body.outcome || null,
      note: body.note.trim() || null,
    }),
  dismiss: (warningId: string, reason: string) =>
    api.post<WarningDetail>(`/api/v1/monitoring/warnings/${id(warningId)}/dismissal`, { reason: reason.trim() }),
  invite: (warningId: string) => api.post<InvitationStaffView>(`/api/v1/monitoring/warnings/${id(warningId)}/invitation`),
  directGrant: (body: DirectGrantRequest) => api.post<DirectGrantView>('/api/v1/monitoring/direct-grants', body),
  dashboard: (region?: string) =>
    api.get<Dashboard>(`/api/v1/monitoring/dashboard${region ? `?${new URLSearchParams({ region })}` : ''}`),
  myInvitations: () => api.get<MyInvitation[]>('/api/v1/me/invitations'),
  optOut: (invitationId: string) => apiFetch<OptOutView>(`/api/v1/me/invitations/${id(invitationId)}/opt-out`, { method: 'POST' }),
};

/** The CSV import's problems grouped by the file's line (`line 3.nationalId` → 3; 0 for the file as a whole). */
export interface LineProblems {
  line: number;
  messages: string[];
}

export function problemsByLine(errors: FieldError[], locale: Locale): LineProblems[] {
  const byLine = new Map<number, string[]>();
  for (const e of errors) {
    const match = /^line (\d+)/.exec(e.field);
    const line = match ? Number(match[1]) : 0;
    // The server starts its Chinese half with "第 3 行："; the list already says which line.
    const text = serverText(e.message, locale).replace(/^第\s*\d+\s*行[：:]\s*/, '');
    byLine.set(line, [...(byLine.get(line) ?? []), text]);
  }
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([line, messages]) => ({ line, messages }));
}

/** The import's answer was "the rows are wrong" (as opposed to a network or permission failure). */
export function isRowProblem(error: unknown): boolean {
  return isApiError(error) && (error.status === 422 || error.status === 400) && error.fieldErrors.length > 0;
}

/** Input ids of the staff forms for the server's field names. */
export function visitInputOf(field: string): string | null {
  return ({ visitedOn: 'visit-date', outcome: 'visit-outcome', note: 'visit-note' } as Record<string, string>)[field] ?? null;
}

export function dismissInputOf(field: string): string | null {
  return field === 'reason' ? 'dismiss-reason' : null;
}

export function grantInputOf(field: string): string | null {
  return ({ nationalId: 'grant-id', name: 'grant-name', regionCode: 'grant-region', startsOn: 'grant-starts' } as Record<string, string>)[
    field
  ] ?? null;
}

/** The funnel of one row: signals → warnings (all levels) → invited → applied → helped. */
export function warningTotal(figures: Figures): number {
  return LEVELS.reduce((sum, level) => sum + (figures.warnings[level] ?? 0), 0);
}

/** The opt-out period in days, read from the server's plain sentence ("180 天内…"); null when it names none. */
export function optOutDays(howToOptOut: string): number | null {
  const match = /(\d+)\s*天/.exec(howToOptOut);
  return match ? Number(match[1]) : null;
}

/** A full 18-character national id (GB 11643 shape), checked before a direct grant is sent. */
export function looksLikeNationalId(value: string): boolean {
  return /^\d{17}[\dXx]$/.test(value.trim());
}
