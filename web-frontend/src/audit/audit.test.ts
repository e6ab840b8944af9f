import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import { mountView, settle, stubApi } from '../staff/testing';
import { auditInputOf, auditQuery, emptyFilter, isoInstant } from './audit';

const auth = reactive({ status: 'authenticated', me: { username: 'auditor1', roles: ['auditor'] }, problem: null });
vi.mock('../auth', () => ({ useAuth: () => ({ state: auth, login: vi.fn(), displayName: { value: 'x' } }) }));

function event(id: number, action = 'HOTLINE_SEARCH') {
  return { id, occurredAt: '2026-12-05T01:00:00Z', subject: `s-${id}`, role: 'hotline', action, objectType: 'INTAKE', objectId: `o-${id}`, result: 'OK', reason: '12345-T-1', hash: 'h' };
}

afterEach(() => vi.unstubAllGlobals());

describe('audit log', () => {
  it('builds the query from the filled filters and the cursor only', () => {
    const filter = { ...emptyFilter(), action: ' HOTLINE_SEARCH ', from: '2026-12-05T08:00' };
    const query = new URLSearchParams(auditQuery(filter, '42'));
    expect(query.get('action')).toBe('HOTLINE_SEARCH');
    expect(query.get('from')).toBe(new Date('2026-12-05T08:00').toISOString());
    expect(query.get('cursor')).toBe('42');
    expect(query.has('subject')).toBe(false);
    expect(auditQuery(emptyFilter(), null)).toBe('limit=50');
    expect(isoInstant('')).toBe('');
    expect(auditInputOf('events.from')).toBe('audit-from');
    expect(auditInputOf('cursor')).toBeNull();
  });

  it('loads the next page with the cursor and keeps the first', async () => {
    const calls = stubApi({
      'GET /api/v1/audit/events': (url) =>
        url.searchParams.get('cursor') === '2'
          ? { body: { items: [event(1)], next: null } }
          : { body: { items: [event(3), event(2)], next: '2' } },
      'GET /api/v1/audit/verification': { body: { intact: false, firstBrokenId: 17, rows: 40, newestHash: 'abc' } },
    });
    const { default: AuditView } = await import('./AuditView.vue');
    const view = await mountView(AuditView, '/audit');
    try {
      await settle();
      expect(view.root.querySelectorAll('[data-testid="audit-event"]')).toHaveLength(2);
      view.root.querySelector<HTMLButtonElement>('[data-testid="audit-more"]')!.click();
      await settle();
      expect(view.root.querySelectorAll('[data-testid="audit-event"]')).toHaveLength(3);
      expect(view.root.querySelector('[data-testid="audit-more"]')).toBeNull();
      expect(calls[1]?.url.searchParams.get('cursor')).toBe('2');

      view.root.querySelector<HTMLButtonElement>('[data-testid="chain-verify"]')!.click();
      await settle();
      expect(view.root.querySelector('[data-testid="chain-result"]')?.getAttribute('data-intact')).toBe('false');
      expect(view.root.querySelector('[data-testid="chain-result"]')?.textContent).toContain('从第 17 条起');
    } finally {
      view.unmount();
    }
  });

  it('shows a 422 on a time filter next to that field', async () => {
    stubApi({
      'GET /api/v1/audit/events': (url) =>
        url.searchParams.has('to')
          ? { status: 422, body: { type: 'about:blank', title: 'Invalid', status: 422, errors: [{ field: 'to', message: 'must be an ISO-8601 time with offset' }] } }
          : { body: { items: [], next: null } },
    });
    const { default: AuditView } = await import('./AuditView.vue');
    const view = await mountView(AuditView, '/audit');
    try {
      await settle();
      expect(view.root.querySelector('[data-testid="audit-empty"]')).not.toBeNull();
      const to = view.root.querySelector<HTMLInputElement>('#audit-to')!;
      to.value = '2026-12-05T08:00';
      to.dispatchEvent(new Event('input'));
      view.root.querySelector<HTMLButtonElement>('[data-testid="audit-search"]')!.click();
      await settle();
      expect(view.root.querySelector('#audit-to-error')?.textContent).toContain('must be an ISO-8601 time with offset');
      expect(to.getAttribute('aria-invalid')).toBe('true');
    } finally {
      view.unmount();
    }
  });
});
