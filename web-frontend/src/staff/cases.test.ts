import { describe, expect, it } from 'vitest';
import { actionInputOf, actionKind, ageFrom, checkTransition, groupByStep, isStaff, queueQuery, type CaseSummary } from './cases';

function line(id: string, step: CaseSummary['step'], overdue = false): CaseSummary {
  return { id, intakeId: 'i', intakeNumber: `JZ-${id}`, applicantName: '李明', program: 'MINIMUM_LIVING_ALLOWANCE', agency: 'CIVIL_AFFAIRS', regionCode: '140105', step, urgent: false, version: 0, deadline: null, dueAt: null, overdue, updatedAt: '' };
}

describe('staff cases', () => {
  it('groups the queue by workflow step and keeps the server order (overdue first) inside a step', () => {
    const groups = groupByStep([line('a', 'ACCEPTED', true), line('b', 'SUBMITTED', true), line('c', 'ACCEPTED'), line('d', 'SUBMITTED')]);
    expect(groups.map((g) => [g.step, g.items.map((i) => i.id)])).toEqual([
      ['SUBMITTED', ['b', 'd']],
      ['ACCEPTED', ['a', 'c']],
    ]);
  });

  it('builds the queue query from codes and the cursor only', () => {
    expect(queueQuery({ steps: ['SUBMITTED', 'RETURNED'], overdue: true, after: 'abc' })).toBe('step=SUBMITTED&step=RETURNED&overdue=true&limit=20&after=abc');
    expect(queueQuery({ steps: [], overdue: null, after: null }, 50)).toBe('limit=50');
  });

  it('asks for documents on a return and a reason in both languages on a rejection', () => {
    expect(actionKind('RETURNED')).toBe('documents');
    expect(actionKind('REJECTED')).toBe('reject');
    expect(actionKind('ACCEPTED')).toBe('plain');
    expect(checkTransition({ to: 'RETURNED', documents: [] })).toEqual({ 'action-documents': 'staff.error.documents' });
    expect(checkTransition({ to: 'RETURNED', documents: ['INCOME_PROOF'] })).toEqual({});
    expect(checkTransition({ to: 'REJECTED', reason: { code: 'OTHER', zh: ' ', en: 'x' } })).toEqual({ 'action-reason-zh': 'staff.error.reasonZh' });
    expect(checkTransition({ to: 'ACCEPTED' })).toEqual({});
  });

  it('places server field errors of a transition', () => {
    expect(actionInputOf('documents')).toBe('action-documents');
    expect(actionInputOf('transition.request.reason.en')).toBe('action-reason-en');
    expect(actionInputOf('reason')).toBe('action-reason-code');
    expect(actionInputOf('to')).toBeNull();
  });

  it('shows ages rather than birth dates, and knows staff roles', () => {
    expect(ageFrom('1986-03-01', '2026-12-05')).toBe(40);
    expect(ageFrom('1986-12-06', '2026-12-05')).toBe(39);
    expect(ageFrom(null, '2026-12-05')).toBeNull();
    expect(isStaff(['caseworker'])).toBe(true);
    expect(isStaff(['resident'])).toBe(false);
  });
});
