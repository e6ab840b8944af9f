import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiFetch, isApiError, setAccessTokenProvider } from './api';

function jsonResponse(body: unknown, status: number, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function stubFetch(response: () => Response) {
  const fetchStub = vi.fn<typeof fetch>(async () => response());
  vi.stubGlobal('fetch', fetchStub);
  return fetchStub;
}

function headersOf(fetchStub: ReturnType<typeof stubFetch>): Record<string, string> {
  const init = fetchStub.mock.calls[0]?.[1];
  return (init?.headers ?? {}) as Record<string, string>;
}

beforeEach(() => {
  setAccessTokenProvider(() => null);
});

describe('api helper', () => {
  it('turns a problem+json 422 into an ApiError with field errors', async () => {
    stubFetch(() =>
      jsonResponse(
        {
          type: 'https://assistance.example/problems/validation',
          title: '提交的内容有误',
          status: 422,
          detail: '请检查标出的项目',
          errors: [
            { field: 'members[0].birthDate', message: '出生日期不能晚于今天' },
            { field: 'regionCode', message: '不认识这个行政区划代码' },
          ],
        },
        422,
        'application/problem+json',
      ),
    );

    const error = await api.post('/api/v1/screenings', { regionCode: '999999' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error)).toBe(true);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.message).toBe('请检查标出的项目');
    expect(apiError.problem.title).toBe('提交的内容有误');
    expect(apiError.problem.type).toBe('https://assistance.example/problems/validation');
    expect(apiError.fieldErrors).toEqual([
      { field: 'members[0].birthDate', message: '出生日期不能晚于今天' },
      { field: 'regionCode', message: '不认识这个行政区划代码' },
    ]);
    expect(apiError.messagesFor('regionCode')).toEqual(['不认识这个行政区划代码']);
    expect(apiError.messagesFor('hukou')).toEqual([]);
  });

  it('sends the bearer token, JSON body and conventions headers', async () => {
    setAccessTokenProvider(async () => 'token-123');
    const fetchStub = stubFetch(() => jsonResponse({ id: 'i1' }, 201));

    const created = await api.post<{ id: string }>('/api/v1/intakes', { a: 1 }, { idempotencyKey: 'k-1', ifMatch: 3 });

    expect(created).toEqual({ id: 'i1' });
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(fetchStub.mock.calls[0]?.[0]).toBe('/api/v1/intakes');
    const init = fetchStub.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect(headersOf(fetchStub)).toMatchObject({
      Authorization: 'Bearer token-123',
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k-1',
      'If-Match': '3',
    });
  });

  it('leaves the token out of anonymous calls and when nobody is logged in', async () => {
    setAccessTokenProvider(() => 'token-123');
    const fetchStub = stubFetch(() => jsonResponse({ ok: true }, 200));
    await api.get('/api/v1/portal-config', { anonymous: true });
    expect(headersOf(fetchStub).Authorization).toBeUndefined();

    setAccessTokenProvider(() => null);
    const second = stubFetch(() => jsonResponse({ ok: true }, 200));
    await api.get('/api/v1/me');
    expect(headersOf(second).Authorization).toBeUndefined();
  });

  it('gives an ApiError without field errors for a non-JSON error', async () => {
    stubFetch(() => new Response('<html>gateway down</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    const error = await apiFetch('/api/v1/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).fieldErrors).toEqual([]);
  });

  it('answers undefined for 204', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(api.delete('/api/v1/intakes/1')).resolves.toBeUndefined();
  });
});
