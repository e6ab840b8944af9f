import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAccessTokenProvider } from './api';
import { drafts, intakes } from './apply/drafts';
import { tracking } from './applications/tracking';
import { openItems, type Checklist } from './documents';
import { cases } from './staff/cases';

function stub(body: unknown = {}, status = 200) {
  const fetchStub = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchStub);
  return fetchStub;
}

function call(fetchStub: ReturnType<typeof stub>, n = 0) {
  const [url, init] = fetchStub.mock.calls[n]!;
  return { url, method: init?.method, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined };
}

afterEach(() => setAccessTokenProvider(() => null));

describe('API clients of the new screens', () => {
  it('saves a draft with the version read in If-Match', async () => {
    const f = stub({ id: 'd1', version: 4 });
    await drafts.save('d1', 3, { household: {} as never, applicant: { name: '', nationalId: '', phone: '', address: '' }, chosenPrograms: null, situation: '' });
    expect(call(f)).toMatchObject({ url: '/api/v1/drafts/d1', method: 'PUT', headers: { 'If-Match': '3' } });
  });

  it('submits with an Idempotency-Key and the consent, and signs a member consent on its own path', async () => {
    const f = stub({ id: 'i1' }, 201);
    await intakes.submit('d1', 'key-1');
    expect(call(f)).toMatchObject({ url: '/api/v1/intakes', method: 'POST', headers: { 'Idempotency-Key': 'key-1' }, body: { draftId: 'd1', consent: true } });
    await intakes.signConsent('i1', 'm2', ' 11010519491231002x ');
    expect(call(f, 1)).toMatchObject({ url: '/api/v1/intakes/i1/verification-consents/m2', method: 'PUT', body: { nationalId: '11010519491231002X', channel: 'ONLINE' } });
    await intakes.withdraw('i1');
    expect(call(f, 2)).toMatchObject({ url: '/api/v1/intakes/i1/withdrawal', method: 'POST' });
  });

  it('reads the status and answers a request for documents', async () => {
    const f = stub({});
    await tracking.status('i1');
    await tracking.resubmit('i1', 'c1', '已补交');
    expect(call(f).url).toBe('/api/v1/intakes/i1/status');
    expect(call(f, 1)).toMatchObject({ url: '/api/v1/intakes/i1/cases/c1/resubmission', method: 'POST', body: { note: '已补交' } });
  });

  it('moves a case with If-Match and asks the queue by step codes', async () => {
    const f = stub({ items: [], next: null });
    await cases.queue({ steps: ['SUBMITTED'], overdue: null, after: null });
    expect(call(f).url).toBe('/api/v1/cases?step=SUBMITTED&limit=20');
    await cases.transition('c1', 2, { to: 'RETURNED', documents: ['INCOME_PROOF'] });
    expect(call(f, 1)).toMatchObject({ url: '/api/v1/cases/c1/transitions', method: 'POST', headers: { 'If-Match': '2' }, body: { to: 'RETURNED', documents: ['INCOME_PROOF'] } });
  });

  it('lists the checklist items still to provide', () => {
    const item = (type: string, status: string, required = true, requests: unknown[] = []) => ({ type, status, required, requests, name: { zh: '', en: '' }, programs: [], members: [], reason: null, documents: [] });
    const checklist = {
      applicationId: 'a',
      documentCount: 1,
      maxDocuments: 30,
      items: [item('ID_CARD', 'UPLOADED'), item('INCOME_PROOF', 'MISSING'), item('OTHER', 'MISSING', false), item('HOUSEHOLD_REGISTER', 'UPLOADED', true, [{}]), item('HOUSE_LEASE', 'REJECTED')],
    } as unknown as Checklist;
    expect(openItems(checklist).map((i) => i.type)).toEqual(['INCOME_PROOF', 'HOUSEHOLD_REGISTER', 'HOUSE_LEASE']);
  });
});
