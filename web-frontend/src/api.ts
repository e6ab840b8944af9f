/**
 * The one way screens talk to the backend: JSON in and out, the bearer token of the logged-in
 * user, and RFC 9457 problem+json errors turned into a typed {@link ApiError}.
 */

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as the backend sends them (see shared/api-conventions.md). */
export interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: ProblemDetail;

  constructor(problem: ProblemDetail) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
  }

  /** Validation errors, `[]` when there are none. */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** Messages for one field, e.g. `members[0].birthDate`. */
  messagesFor(field: string): string[] {
    return this.fieldErrors.filter((e) => e.field === field).map((e) => e.message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

let tokenProvider: TokenProvider = () => null;

/** The auth module registers how to get the current access token. */
export function setAccessTokenProvider(provider: TokenProvider): void {
  tokenProvider = provider;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** For writes that create things; the backend replays the first answer on a repeat. */
  idempotencyKey?: string;
  /** The `version` of a draft, sent as `If-Match`; a stale one answers 412. */
  ifMatch?: string | number;
  /** Leave out the bearer token (public endpoints such as the portal config). */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** Sees the headers of a successful answer (e.g. the `Link: rel="next"` of a list page). */
  onHeaders?: (headers: Headers) => void;
}

const PROBLEM_TYPE = /^application\/problem\+json\b/i;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

function asFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }));
}

/** The ApiError of a failed answer, from its status, content type and body text. */
export function problemFrom(status: number, statusText: string, contentType: string, bodyText: string): ApiError {
  const fallback: ProblemDetail = {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
  };
  if (!PROBLEM_TYPE.test(contentType) && !JSON_TYPE.test(contentType)) {
    return new ApiError(fallback);
  }
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return new ApiError(fallback);
  }
  if (typeof body !== 'object' || body === null) return new ApiError(fallback);
  const raw = body as Record<string, unknown>;
  const problem: ProblemDetail = {
    type: typeof raw.type === 'string' ? raw.type : fallback.type,
    title: typeof raw.title === 'string' ? raw.title : fallback.title,
    status: typeof raw.status === 'number' ? raw.status : status,
  };
  if (typeof raw.detail === 'string') problem.detail = raw.detail;
  if (typeof raw.instance === 'string') problem.instance = raw.instance;
  const errors = asFieldErrors(raw.errors);
  if (errors) problem.errors = errors;
  return new ApiError(problem);
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return problemFrom(response.status, response.statusText, response.headers.get('Content-Type') ?? '', text);
}

/** Call the backend; resolves with the parsed JSON body (`undefined` for 204), rejects with ApiError. */
export async function apiFetch<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);
  if (options.signal) init.signal = options.signal;
  if (!options.anonymous) {
    const token = await tokenProvider();
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0 });
  }
  if (!response.ok) throw await toApiError(response);
  options.onHeaders?.(response.headers);
  if (response.status === 204) return undefined as T;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!JSON_TYPE.test(contentType)) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected response',
      status: response.status,
      detail: `Expected JSON, got ${contentType || 'no content type'}`,
    });
  }
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'PUT', body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'DELETE' }),
};

/** A fresh Idempotency-Key (a UUID v4). Kept by the caller and sent again on a retry of the same write. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface UploadHandle<T> {
  /** Resolves with the parsed JSON answer, rejects with ApiError (status 0: network, aborted: name 'AbortError'). */
  promise: Promise<T>;
  abort(): void;
}

/**
 * POST a multipart form through XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress` gets a fraction from 0 to 1 while the bytes go out.
 */
export function uploadForm<T = unknown>(path: string, form: FormData, onProgress?: (fraction: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = (async () => {
    const token = await tokenProvider();
    return new Promise<T>((resolve, reject) => {
      xhr.open('POST', path);
      xhr.setRequestHeader('Accept', 'application/json');
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
      };
      xhr.onload = () => {
        const contentType = xhr.getResponseHeader('Content-Type') ?? '';
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(1);
          try {
            resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
          } catch {
            reject(new ApiError({ type: 'about:blank', title: 'Unexpected response', status: xhr.status }));
          }
          return;
        }
        reject(problemFrom(xhr.status, xhr.statusText, contentType, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0 }));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      xhr.send(form);
    });
  })();
  return { promise, abort: () => xhr.abort() };
}
