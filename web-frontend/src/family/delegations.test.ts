import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAccessTokenProvider } from '../api';
import { allowsUpload, delegations, plusMonths, validateGrant } from './delegations';

function stub(body: unknown = [], status = 200) {
  const f = vi.fn<typeof fetch>(async () =>
    status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', f);
  return f;
}
const callOf = (f: ReturnType<typeof stub>, n = 0) => {
  const [url, init] = f.mock.calls[n]!;
  return { url, method: init?.method, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined };
};

afterEach(() => setAccessTokenProvider(() => null));

describe('family delegation API', () => {
  it('grants with an Idempotency-Key and a cleaned body, lists, revokes and reads what was received', async () => {
    setAccessTokenProvider(() => 'tok');
    const f = stub({ id: 'd1' }, 201);
    await delegations.grant('i1', { nationalId: ' 11010519491231002x ', phone: '139 1234 5678', scope: 'UPLOAD_DOCUMENTS', endsOn: '2027-01-31' }, 'k1');
    expect(callOf(f)).toMatchObject({
      url: '/api/v1/intakes/i1/delegations',
      method: 'POST',
      headers: { 'Idempotency-Key': 'k1', Authorization: 'Bearer tok' },
      body: { nationalId: '11010519491231002X', phone: '13912345678', scope: 'UPLOAD_DOCUMENTS', endsOn: '2027-01-31' },
    });
    await delegations.list('i1');
    expect(callOf(f, 1)).toMatchObject({ url: '/api/v1/intakes/i1/delegations', method: 'GET' });
    await delegations.received();
    expect(callOf(f, 2).url).toBe('/api/v1/delegations/received');
    stub(undefined, 204);
    await expect(delegations.revoke('i1', 'd/1')).resolves.toBeUndefined();
    expect(callOf(vi.mocked(fetch) as never)).toMatchObject({ url: '/api/v1/intakes/i1/delegations/d%2F1', method: 'DELETE' });
  });

  it('adds months like the backend (the last day of a shorter month)', () => {
    expect(plusMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(plusMonths('2026-12-05', 6)).toBe('2027-06-05');
    expect(plusMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('checks the id number, the phone and the end date before sending', () => {
    const ok = { nationalId: '11010519491231002X', phone: '13912345678', scope: 'VIEW_STATUS' as const, endsOn: '2027-01-01' };
    expect(validateGrant(ok, '2026-12-05')).toEqual({});
    expect(Object.keys(validateGrant({ ...ok, nationalId: '110105194912310021' }, '2026-12-05'))).toEqual(['family-grant-nationalId']);
    expect(Object.keys(validateGrant({ ...ok, phone: '2391234567' }, '2026-12-05'))).toEqual(['family-grant-phone']);
    expect(validateGrant({ ...ok, endsOn: '2027-06-06' }, '2026-12-05')).toEqual({ 'family-grant-endsOn': { key: 'family.error.endsOn' } });
    expect(validateGrant({ ...ok, endsOn: '2026-12-04' }, '2026-12-05')).toHaveProperty('family-grant-endsOn');
    expect(validateGrant({ ...ok, endsOn: '2027-06-05' }, '2026-12-05')).toEqual({});
  });

  it('lets only the upload and act-for-me scopes upload', () => {
    expect(allowsUpload('VIEW_STATUS')).toBe(false);
    expect(allowsUpload('UPLOAD_DOCUMENTS')).toBe(true);
    expect(allowsUpload('ACT_FOR_ME')).toBe(true);
  });
});
