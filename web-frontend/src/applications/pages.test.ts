import { describe, expect, it, vi } from 'vitest';
import { intakePage, nextLink } from './pages';

describe('list pages (Link rel="next")', () => {
  it('keeps the path and query of the next link, on this site only', () => {
    expect(nextLink('<http://127.0.0.1:8080/api/v1/intakes?limit=20&cursor=abc>; rel="next"')).toBe('/api/v1/intakes?limit=20&cursor=abc');
    expect(nextLink('</api/v1/drafts?cursor=x>; rel="prev", </api/v1/drafts?cursor=y>; rel=next')).toBe('/api/v1/drafts?cursor=y');
    expect(nextLink('<https://evil.example/steal>; rel="next"')).toBeNull();
    expect(nextLink(null)).toBeNull();
    expect(nextLink('garbage')).toBeNull();
  });

  it('loads the first page, then the next one, until there is none', async () => {
    const f = vi.fn<typeof fetch>(async (input) =>
      String(input).includes('cursor')
        ? new Response('[{"id":"b"}]', { headers: { 'Content-Type': 'application/json' } })
        : new Response('[{"id":"a"}]', { headers: { 'Content-Type': 'application/json', Link: '<http://x/api/v1/intakes?limit=20&cursor=c1>; rel="next"' } }),
    );
    vi.stubGlobal('fetch', f);
    const first = await intakePage();
    expect(first).toEqual({ items: [{ id: 'a' }], next: '/api/v1/intakes?limit=20&cursor=c1' });
    const second = await intakePage(first.next);
    expect(f.mock.calls[1]![0]).toBe('/api/v1/intakes?limit=20&cursor=c1');
    expect(second).toEqual({ items: [{ id: 'b' }], next: null });
  });
});
