/** Lists the backend pages with an RFC 8288 `Link: <...>; rel="next"` header (the body stays a plain array). */
import { api } from '../api';
import type { IntakeView } from '../apply/drafts';

export interface ListPage<T> {
  items: T[];
  /** The same-site path of the next page, null on the last one. */
  next: string | null;
}

/**
 * The `rel="next"` target of a Link header as a path on this site (the backend writes an absolute URL; only its
 * path and query are kept, so a header can never send the token elsewhere).
 */
export function nextLink(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (!match || !/\brel\s*=\s*"?next"?/i.test(match[2]!)) continue;
    try {
      const url = new URL(match[1]!, 'http://same.invalid');
      return url.pathname.startsWith('/api/') ? url.pathname + url.search : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** One page of a listing; `path` is the first page or a `next` from an earlier one. */
export async function listPage<T>(path: string): Promise<ListPage<T>> {
  let next: string | null = null;
  const items = await api.get<T[]>(path, { onHeaders: (headers) => (next = nextLink(headers.get('Link'))) });
  return { items: items ?? [], next };
}

/** My submitted applications, newest first: the first page, then `next`. */
export function intakePage(next?: string | null): Promise<ListPage<IntakeView>> {
  return listPage<IntakeView>(next ?? '/api/v1/intakes');
}
