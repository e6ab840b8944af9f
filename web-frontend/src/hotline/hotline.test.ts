import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCall, checkVerification, hasFullNationalId, hotline, hotlineInputOf, searchRequest } from './hotline';
import { filingFor, filingInputOf, filingRequest } from './filing';
import { maskNationalId } from '../staff/masking';
import { stubApi } from '../staff/testing';

const ID = '140105198603011234';

afterEach(() => vi.unstubAllGlobals());

describe('hotline helpers', () => {
  it('tells an id number from a phone number and refuses anything else', () => {
    expect(searchRequest(' 14010519860301123x ')).toEqual({ nationalId: '14010519860301123X' });
    expect(searchRequest('138 0000 1111')).toEqual({ phone: '13800001111' });
    expect(searchRequest('1401051986')).toBeNull();
    expect(searchRequest('')).toBeNull();
  });

  it('checks the call reference and the verification before sending', () => {
    expect(checkCall('12345-20261205-0042')).toEqual({});
    expect(checkCall('李明')).toEqual({ 'call-reference': 'hotline.error.reference' });
    expect(checkCall('-123')).toEqual({ 'call-reference': 'hotline.error.reference' });
    expect(checkVerification({ FULL_NAME: true, BIRTH_DATE: false }, '询问进度')).toEqual({ 'verify-questions': 'hotline.error.tooFew' });
    expect(checkVerification({ FULL_NAME: true, BIRTH_DATE: true }, ' ab ')).toEqual({ 'verify-reason': 'hotline.error.reason' });
    expect(checkVerification({ FULL_NAME: true, BIRTH_DATE: true }, '询问低保进度')).toEqual({});
  });

  it('places server field errors next to their inputs', () => {
    expect(hotlineInputOf('open.request.callReference')).toBe('call-reference');
    expect(hotlineInputOf('verify.request.reason')).toBe('verify-reason');
    expect(hotlineInputOf('nationalId')).toBe('search-query');
    expect(hotlineInputOf('addNote.request.text')).toBe('note-text');
    expect(hotlineInputOf('somethingElse')).toBeNull();
    expect(filingInputOf('prepareDraft.request.applicant.name')).toBe('filing-name');
    expect(filingInputOf('household.members[1].birthDate')).toBe('filing-m1-birthDate');
    expect(filingInputOf('household.regionCode')).toBe('filing-region');
  });

  it('masks what staff typed and spots a full id number', () => {
    expect(maskNationalId(ID)).toBe('1401**********1234');
    expect(hasFullNationalId(`来电 ${ID} 询问`)).toBe(true);
    expect(hasFullNationalId('1401**********1234 138****1111')).toBe(false);
  });

  it('starts an assisted filing with the birth date of the id number and builds a draft', () => {
    const form = filingFor(ID);
    expect(form.household.members[0]?.birthDate).toBe('1986-03-01');
    form.applicant.name = ' 李明 ';
    const draft = filingRequest(form, '2026-12-05');
    expect(draft.applicant).toMatchObject({ name: '李明', nationalId: ID });
    expect(draft.household.members[0]).toMatchObject({ id: 'm1', relationship: 'APPLICANT', birthDate: '1986-03-01' });
  });
});

describe('hotline API', () => {
  it('sends the id number in a POST body, never in the address', async () => {
    const calls = stubApi({ 'POST /api/v1/hotline/calls/c1/searches': { body: { callerRegistered: true, intakes: [] } } });
    await hotline.search('c1', { nationalId: ID });
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url.href).not.toContain(ID);
    expect(calls[0]?.body).toEqual({ nationalId: ID });
  });

  it('records which questions were answered, not the answers', async () => {
    const calls = stubApi({ 'POST /api/v1/hotline/calls/c1/verification': { body: {} } });
    await hotline.verify('c1', { FULL_NAME: true, BIRTH_DATE: false }, '询问进度');
    expect(calls[0]?.body).toEqual({
      questionsAnswered: [
        { question: 'FULL_NAME', correct: true },
        { question: 'BIRTH_DATE', correct: false },
      ],
      reason: '询问进度',
    });
  });

  it('submits on verbal consent with the Idempotency-Key it is given, and pages the call-backs by cursor', async () => {
    const fetchCalls: RequestInit[] = [];
    stubApi({
      'POST /api/v1/hotline/calls/c1/drafts/d1/verbal-submission': (_url, init) => {
        fetchCalls.push(init);
        return { status: 201, body: { id: 'i1', intakeNumber: 'JZ-1', status: 'ACTIVE' } };
      },
      'GET /api/v1/hotline/callback-tasks': (url) => ({ body: { items: [], next: url.searchParams.get('cursor') ? null : 'c2' } }),
    });
    await hotline.submitVerbally('c1', 'd1', '2026-01', 'key-1');
    expect((fetchCalls[0]?.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1');
    expect((await hotline.callbacks(null)).next).toBe('c2');
    expect((await hotline.callbacks('c2')).next).toBeNull();
  });
});
