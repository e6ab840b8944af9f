import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemFrom, setAccessTokenProvider } from '../api';
import { attemptsLeft, queryProblemKey, statusQueries, validateQuery } from './statusQuery';

afterEach(() => setAccessTokenProvider(() => null));

describe('no-account status query', () => {
  it('starts and verifies without a token, the number in capitals', async () => {
    setAccessTokenProvider(() => 'should-not-be-sent');
    const f = vi.fn<typeof fetch>(async () => new Response('{"queryId":"q1"}', { status: 202, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', f);
    await statusQueries.start(' jz-140105-2026-000123 ', '07451x');
    await statusQueries.verify('q1', ' 123456 ');
    const [url, init] = f.mock.calls[0]!;
    expect(url).toBe('/api/v1/status-queries');
    expect(JSON.parse(String(init?.body))).toEqual({ intakeNumber: 'JZ-140105-2026-000123', idLast6: '07451X' });
    expect((init?.headers as Record<string, string>).Authorization).toBeUndefined();
    const [url2, init2] = f.mock.calls[1]!;
    expect(url2).toBe('/api/v1/status-queries/q1/verification');
    expect(JSON.parse(String(init2?.body))).toEqual({ code: '123456' });
    expect((init2?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('checks the form before anything is sent', () => {
    expect(validateQuery('JZ-140105-2026-000123', '07451X')).toEqual({});
    expect(Object.keys(validateQuery('140105', '7451'))).toEqual(['query-intakeNumber', 'query-idLast6']);
  });

  it('explains 429, a spent query and a wrong code in plain words', () => {
    const problem = (status: number, type = 'about:blank', detail?: string) =>
      problemFrom(status, '', 'application/problem+json', JSON.stringify({ type, title: 't', status, detail }));
    expect(queryProblemKey(problem(429))).toBe('query.error.tooMany');
    expect(queryProblemKey(problem(410, 'urn:assistance:problem:query-closed'))).toBe('query.error.closed');
    expect(queryProblemKey(problem(422, 'urn:assistance:problem:wrong-code'))).toBe('query.error.wrongCode');
    expect(queryProblemKey(problem(500))).toBeNull();
    expect(attemptsLeft('验证码不正确，还可尝试 3 次 / the code is wrong; 3 attempt(s) left')).toBe(3);
    expect(attemptsLeft(undefined)).toBeNull();
  });
});
