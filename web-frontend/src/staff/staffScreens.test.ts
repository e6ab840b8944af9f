import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import { mountView, settle, stubApi } from './testing';
import { staffLinks } from './nav';

const auth = reactive({ status: 'authenticated', me: { username: 'caseworker1', roles: ['caseworker'] }, problem: null });
vi.mock('../auth', () => ({ useAuth: () => ({ state: auth, login: vi.fn(), displayName: { value: 'x' } }) }));

function line(n: number) {
  return { id: `c${n}`, intakeId: `i${n}`, intakeNumber: `JZ-${n}`, applicantName: '李*', program: 'MINIMUM_LIVING_ALLOWANCE', agency: 'CIVIL_AFFAIRS', regionCode: '140105', step: 'SUBMITTED', urgent: false, version: 0, deadline: null, dueAt: null, overdue: false, updatedAt: '' };
}

afterEach(() => vi.unstubAllGlobals());

describe('staff screens', () => {
  it('links each role to its screens only', () => {
    expect(staffLinks(['caseworker']).map((l) => l.name)).toEqual(['queue', 'dashboard', 'monitoring', 'monitoring-dashboard']);
    expect(staffLinks(['approver']).map((l) => l.name)).toEqual(['queue', 'dashboard', 'monitoring-dashboard']);
    expect(staffLinks(['hotline']).map((l) => l.name)).toEqual(['hotline']);
    expect(staffLinks(['auditor']).map((l) => l.name)).toEqual(['audit']);
    expect(staffLinks(['resident'])).toEqual([]);
  });

  it('the work queue loads the following pages with the cursor until there is none', async () => {
    const calls = stubApi({
      'GET /api/v1/cases': (url) => {
        const after = url.searchParams.get('after');
        if (!after) return { body: { items: [line(1), { ...line(2), hotlineHandoff: true }], next: 'p2' } };
        if (after === 'p2') return { body: { items: [line(3)], next: 'p3' } };
        return { body: { items: [line(4)], next: null } };
      },
      'GET /api/v1/programs': { body: [] },
    });
    const { default: StaffQueueView } = await import('./StaffQueueView.vue');
    const view = await mountView(StaffQueueView, '/staff');
    try {
      await settle();
      expect(view.root.querySelectorAll('tbody tr')).toHaveLength(2);
      expect(view.root.querySelectorAll('[data-testid="handoff-badge"]')).toHaveLength(1);
      expect(view.root.querySelector('[data-testid="queue-JZ-2"]')?.textContent).toContain('热线转办');
      view.root.querySelector<HTMLButtonElement>('[data-testid="queue-more"]')!.click();
      await settle();
      view.root.querySelector<HTMLButtonElement>('[data-testid="queue-more"]')!.click();
      await settle();
      expect(view.root.querySelectorAll('tbody tr')).toHaveLength(4);
      expect(view.root.querySelector('[data-testid="queue-more"]')).toBeNull();
      expect(calls.filter((c) => c.url.pathname === '/api/v1/cases').map((c) => c.url.searchParams.get('after'))).toEqual([null, 'p2', 'p3']);
      expect(view.root.textContent).toContain('已列出 4 件');
      expect(view.root.querySelector('[data-testid="nav-dashboard"]')).not.toBeNull();
    } finally {
      view.unmount();
    }
  });
});
