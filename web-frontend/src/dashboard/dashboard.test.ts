import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import { mountView, settle, stubApi } from '../staff/testing';
import { intakesSeries, overdueShare, stepSeries, totalIntakes, worstStep, type Statistics } from './dashboard';

const charts: { type: string; data: unknown }[] = [];
vi.mock('chart.js', () => {
  class Chart {
    static register = vi.fn();
    constructor(_canvas: HTMLCanvasElement, config: { type: string; data: unknown }) {
      charts.push(config);
    }
    destroy = vi.fn();
  }
  const part = {};
  return { Chart, ArcElement: part, BarController: part, BarElement: part, CategoryScale: part, DoughnutController: part, Legend: part, LinearScale: part, Tooltip: part };
});

const auth = reactive({ status: 'authenticated', me: { username: 'caseworker1', roles: ['caseworker'] }, problem: null });
vi.mock('../auth', () => ({ useAuth: () => ({ state: auth, login: vi.fn(), displayName: { value: 'x' } }) }));

const STATS: Statistics = {
  from: '2026-12-03',
  to: '2026-12-05',
  open: 4,
  overdue: 3,
  intakesPerDay: [
    { date: '2026-12-03', intakes: 2 },
    { date: '2026-12-04', intakes: 0 },
    { date: '2026-12-05', intakes: 5 },
  ],
  casesPerStep: [
    { step: 'SUBMITTED', cases: 3, overdue: 2 },
    { step: 'ACCEPTED', cases: 1, overdue: 1 },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  charts.length = 0;
});

describe('dashboard figures', () => {
  it('turns the statistics into chart series', () => {
    expect(intakesSeries(STATS, 'zh-CN')).toEqual({ labels: ['12/3', '12/4', '12/5'], values: [2, 0, 5] });
    expect(stepSeries(STATS, (s) => s.toLowerCase())).toEqual({ labels: ['submitted', 'accepted'], onTime: [1, 0], overdue: [2, 1] });
    expect(overdueShare(STATS)).toBe(75);
    expect(overdueShare({ ...STATS, open: 0, overdue: 0 })).toBe(0);
    expect(totalIntakes(STATS)).toBe(7);
    expect(worstStep(STATS)).toEqual({ step: 'SUBMITTED', overdue: 2 });
    expect(worstStep({ ...STATS, casesPerStep: [{ step: 'SUBMITTED', cases: 1, overdue: 0 }] })).toBeNull();
  });

  it('asks for the chosen number of days and draws three charts with their figures as tables', async () => {
    const calls = stubApi({ 'GET /api/v1/cases/statistics': { body: STATS } });
    const { default: DashboardView } = await import('./DashboardView.vue');
    const view = await mountView(DashboardView, '/staff/dashboard');
    try {
      await settle();
      expect(calls[0]?.url.search).toBe('?days=30');
      expect(charts.map((c) => c.type)).toEqual(['bar', 'bar', 'doughnut']);
      expect(view.root.querySelectorAll('canvas[role="img"][aria-label]')).toHaveLength(3);
      expect(view.root.querySelector('[data-testid="kpi-overdue"]')?.textContent).toContain('3');
      expect(view.root.querySelectorAll('[data-testid="steps-table"] tbody tr')).toHaveLength(2);
      expect(view.root.querySelector('[data-testid="worst-step"]')?.textContent).toContain('已提交');
      const select = view.root.querySelector<HTMLSelectElement>('[data-testid="dashboard-days"]')!;
      select.value = '7';
      select.dispatchEvent(new Event('change'));
      await settle();
      expect(calls.at(-1)?.url.search).toBe('?days=7');
    } finally {
      view.unmount();
    }
  });
});
