import { describe, expect, it, vi } from 'vitest';
import { ApiError, newIdempotencyKey, problemFrom, setAccessTokenProvider, uploadForm } from './api';

/** Enough of XMLHttpRequest to drive uploadForm: records what was sent, answers when told. */
class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  answerType = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? this.answerType : null;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown, type = 'application/json') {
    this.status = status;
    this.answerType = type;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

async function started(): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.last?.body).toBeDefined());
  return FakeXhr.last;
}

describe('uploadForm', () => {
  it('posts the form with the bearer token, reports progress and resolves with the document', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    setAccessTokenProvider(() => 'tok');
    const progress: number[] = [];
    const form = new FormData();
    form.append('type', 'ID_CARD');
    const handle = uploadForm<{ id: string }>('/api/v1/drafts/d1/documents', form, (f) => progress.push(f));
    const xhr = await started();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/drafts/d1/documents');
    expect(xhr.headers.Authorization).toBe('Bearer tok');
    expect(xhr.body).toBe(form);
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
    xhr.answer(201, { id: 'doc-1' });
    await expect(handle.promise).resolves.toEqual({ id: 'doc-1' });
    expect(progress).toEqual([0.25, 1]);
    setAccessTokenProvider(() => null);
  });

  it('rejects with the problem of a refusal, status 0 on a network failure, AbortError when cancelled', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const refused = uploadForm('/x', new FormData());
    (await started()).answer(413, { type: 'urn:too-large', title: 'Too large', status: 413, detail: 'over 20 MB' }, 'application/problem+json');
    const error = (await refused.promise.catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(error.problem.detail).toBe('over 20 MB');

    FakeXhr.last = undefined as never;
    const offline = uploadForm('/x', new FormData());
    (await started()).onerror?.();
    expect(((await offline.promise.catch((e: unknown) => e)) as ApiError).status).toBe(0);

    FakeXhr.last = undefined as never;
    const cancelled = uploadForm('/x', new FormData());
    await started();
    cancelled.abort();
    expect(((await cancelled.promise.catch((e: unknown) => e)) as DOMException).name).toBe('AbortError');
  });
});

describe('newIdempotencyKey and problemFrom', () => {
  it('makes distinct UUID v4 keys', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('reads field errors from a problem body and falls back on anything else', () => {
    const e = problemFrom(422, 'Unprocessable', 'application/problem+json', JSON.stringify({ title: 'Invalid', status: 422, errors: [{ field: 'consent', message: 'm' }] }));
    expect(e.fieldErrors).toEqual([{ field: 'consent', message: 'm' }]);
    expect(problemFrom(502, 'Bad Gateway', 'text/html', '<html>').problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(problemFrom(500, '', 'application/json', 'not json').problem.title).toBe('HTTP 500');
  });
});
