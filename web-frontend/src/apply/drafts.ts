/** The resident's drafts and submission: `/api/v1/drafts`, `/api/v1/intakes`, verification consents. */
import { api } from '../api';
import type { Screening } from '../calculator/results';
import type { DraftRequest, DraftView } from './application';

export interface IntakeCase {
  id: string;
  program: string;
  agency: string;
  status: string;
  verdict: string;
  urgent: boolean;
  estimateAmount: number | null;
  estimatePeriod: string | null;
  members: string[];
  closedReason: string | null;
}

export interface IntakeView {
  id: string;
  intakeNumber: string;
  status: string;
  applicant: { name: string; nationalId: string; phone: string; address: string } | null;
  regionCode: string;
  revision: number;
  submittedAt: string;
  cases: IntakeCase[];
}

export interface ConsentStatus {
  complete: boolean;
  members: { memberId: string; relationship: string; adult: boolean; signed: boolean; signedAt: string | null; channel: string | null }[];
}

export const drafts = {
  list: () => api.get<DraftView[]>('/api/v1/drafts'),
  get: (id: string) => api.get<DraftView>(`/api/v1/drafts/${encodeURIComponent(id)}`),
  create: (body: DraftRequest) => api.post<DraftView>('/api/v1/drafts', body),
  /** Replaces the content; a stale `version` answers 412. */
  save: (id: string, version: number, body: DraftRequest) =>
    api.put<DraftView>(`/api/v1/drafts/${encodeURIComponent(id)}`, body, { ifMatch: version }),
  remove: (id: string) => api.delete(`/api/v1/drafts/${encodeURIComponent(id)}`),
  screen: (id: string) => api.post<Screening>(`/api/v1/drafts/${encodeURIComponent(id)}/screening`),
};

export const intakes = {
  /** The same key on a retry replays the first answer instead of submitting twice. */
  submit: (draftId: string, idempotencyKey: string) =>
    api.post<IntakeView>('/api/v1/intakes', { draftId, consent: true }, { idempotencyKey }),
  list: () => api.get<IntakeView[]>('/api/v1/intakes'),
  withdraw: (id: string) => api.post<IntakeView>(`/api/v1/intakes/${encodeURIComponent(id)}/withdrawal`),
  signConsent: (intakeId: string, memberId: string, nationalId: string) =>
    api.put<ConsentStatus>(
      `/api/v1/intakes/${encodeURIComponent(intakeId)}/verification-consents/${encodeURIComponent(memberId)}`,
      { nationalId: nationalId.trim().toUpperCase(), channel: 'ONLINE' },
    ),
};
