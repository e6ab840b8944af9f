import { describe, expect, it } from 'vitest';
import { canWithdraw, consentMissing, deadlineText, newestFirst, requestedDocuments, type CaseStatus, type IntakeStatus } from './tracking';

function caseIn(step: string, extra: Partial<CaseStatus> = {}): CaseStatus {
  return {
    caseId: `c-${step}`,
    program: 'MINIMUM_LIVING_ALLOWANCE',
    programName: { zh: '最低生活保障', en: 'Minimum living allowance' },
    agency: null,
    step,
    stepName: { zh: step, en: step },
    urgent: false,
    version: 1,
    deadline: { kind: 'DECISION', date: '2027-01-05', dueAt: null, overdue: false, text: { zh: '审批期限至 1月5日', en: 'decision due by 5 Jan' } },
    decision: null,
    ...extra,
  };
}

function status(overallState: string, cases: CaseStatus[]): IntakeStatus {
  return { intakeId: 'i', intakeNumber: 'JZ-140105-2026-000001', applicantName: '李明', overallState, cases, timeline: [], todos: [] };
}

describe('tracking', () => {
  it('allows withdrawing before any decision only', () => {
    expect(canWithdraw(status('IN_PROGRESS', [caseIn('ACCEPTED'), caseIn('RETURNED')]))).toBe(true);
    expect(canWithdraw(status('IN_PROGRESS', [caseIn('ACCEPTED'), caseIn('APPROVED')]))).toBe(false);
    expect(canWithdraw(status('WITHDRAWN', [caseIn('WITHDRAWN')]))).toBe(false);
    expect(canWithdraw(status('COMPLETED', [caseIn('CLOSED')]))).toBe(false);
  });

  it('gathers the requested documents and the cases waiting for them', () => {
    const todos = [
      { kind: 'DOCUMENTS_REQUESTED', caseId: 'c1', program: 'A', documents: ['INCOME_PROOF'], members: null, until: null, text: null },
      { kind: 'DOCUMENTS_REQUESTED', caseId: 'c2', program: 'B', documents: ['INCOME_PROOF', 'ID_CARD'], members: null, until: null, text: null },
      { kind: 'CONSENT_MISSING', caseId: null, program: null, documents: null, members: ['m2', 'm3'], until: null, text: null },
    ];
    expect(requestedDocuments(todos)).toEqual({ types: ['INCOME_PROOF', 'ID_CARD'], caseIds: ['c1', 'c2'] });
    expect(consentMissing(todos)).toEqual(['m2', 'm3']);
  });

  it('orders the timeline newest first and writes the deadline as a sentence', () => {
    const entry = (at: string) => ({ caseId: null, program: null, at, action: 'T', from: null, to: null, actorRole: null, note: null, reasonCode: null, documents: null, text: null });
    expect(newestFirst([entry('2026-12-01T10:00:00Z'), entry('2026-12-03T10:00:00Z')]).map((e) => e.at)).toEqual([
      '2026-12-03T10:00:00Z',
      '2026-12-01T10:00:00Z',
    ]);
    expect(deadlineText(caseIn('ACCEPTED'), true)).toBe('审批期限至 1月5日');
    expect(deadlineText(caseIn('ACCEPTED'), false)).toBe('decision due by 5 Jan');
    expect(deadlineText(caseIn('CLOSED'), true)).toBe('');
  });
});
