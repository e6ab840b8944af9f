import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, reactive } from 'vue';
import { ApiError } from '../api';
import { mountView, settle, stubApi } from '../staff/testing';
import {
  grantInputOf,
  isRowProblem,
  monitoring,
  optOutDays,
  problemsByLine,
  visitInputOf,
  warningTotal,
  type MyInvitation,
  type WarningDetail,
  type WarningSummary,
} from './monitoring';

const auth = reactive({ status: 'authenticated', me: { username: 'caseworker1', roles: ['caseworker'] }, problem: null });
vi.mock('../auth', () => ({ useAuth: () => ({ state: auth, login: vi.fn(), displayName: { value: 'x' } }) }));

const person = { name: '王*英', nationalId: '1401**********1234', age: 76 };

function warning(n: number, level: WarningSummary['level'] = 'RED'): WarningSummary {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    level,
    rule: 'MEDICAL_BILL_LARGE',
    signalType: 'MEDICAL_BILL',
    regionCode: '140105001',
    reason: '近期自付医疗费用 40000 元。',
    person,
    status: 'OPEN',
    createdAt: '2026-12-05T01:00:00Z',
  };
}

function detail(status: WarningDetail['status'] = 'OPEN'): WarningDetail {
  return {
    id: 'w1',
    level: 'RED',
    rule: 'MEDICAL_BILL_LARGE',
    reason: '近期自付医疗费用 40000 元。',
    status,
    regionCode: '140105001',
    createdAt: '2026-12-05T01:00:00Z',
    person,
    signal: {
      source: 'MEDICAL_INSURANCE',
      signalId: 'YB-1',
      type: 'MEDICAL_BILL',
      typeName: { zh: '大额自付医疗费用', en: 'Large out-of-pocket medical bill' },
      occurredOn: '2026-11-20',
      amount: 40000,
      disabilityGrade: null,
      program: null,
      receivedAt: '2026-12-05T01:00:00Z',
    },
    activePrograms: [],
    pastIntakes: 0,
    activeIntake: false,
    visits: [],
    dismissReason: null,
    invitationId: null,
    version: 0,
  };
}

const problem = (errors: { field: string; message: string }[], status = 422) => ({
  status,
  body: { type: 'urn:assistance:problem:validation', title: 'Invalid request', status, errors },
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  auth.me = { username: 'caseworker1', roles: ['caseworker'] };
});

describe('monitoring helpers', () => {
  it('groups the import problems by line, in the reader language, without repeating the line', () => {
    const errors = [
      { field: 'line 3.nationalId', message: '第 3 行：身份证号无效 / not a valid 18-character national id number' },
      { field: 'line 1.type', message: '表头缺少列 type / the header has no column type' },
      { field: 'line 3.amount', message: '第 3 行：需要金额 / the amount is required' },
      { field: 'signals', message: '文件是空的 / the file is empty' },
    ];
    expect(problemsByLine(errors, 'zh-CN')).toEqual([
      { line: 0, messages: ['文件是空的'] },
      { line: 1, messages: ['表头缺少列 type'] },
      { line: 3, messages: ['身份证号无效', '需要金额'] },
    ]);
    expect(problemsByLine(errors, 'en')[2]).toEqual({ line: 3, messages: ['not a valid 18-character national id number', 'the amount is required'] });
    expect(isRowProblem(new ApiError({ type: 'x', title: 'x', status: 422, errors }))).toBe(true);
    expect(isRowProblem(new ApiError({ type: 'x', title: 'x', status: 403 }))).toBe(false);
  });

  it('reads the opt-out period, sums the warnings and maps server fields to inputs', () => {
    expect(optOutDays('如果您不需要帮助，可以选择“暂不需要”，180 天内不会再因部门数据主动联系您')).toBe(180);
    expect(optOutDays('拨打 12345')).toBeNull();
    expect(warningTotal({ signals: 3, warnings: { RED: 1, ORANGE: 2 }, invited: 0, applied: 0, helped: 0, directGrants: 0 })).toBe(3);
    expect(visitInputOf('outcome')).toBe('visit-outcome');
    expect(grantInputOf('nationalId')).toBe('grant-id');
    expect(grantInputOf('program')).toBeNull();
  });

  it('calls the API with the cursor, nulls for empty visit fields and the invitation id in the path', async () => {
    const calls = stubApi({
      'GET /api/v1/monitoring/warnings': { body: { items: [], next: null } },
      'POST /api/v1/monitoring/warnings/w1/visits': { body: detail('VISITED') },
      'POST /api/v1/me/invitations/i-1/opt-out': { body: { invitationId: 'i-1' } },
      'GET /api/v1/monitoring/dashboard': { body: {} },
    });
    await monitoring.warnings('c2', 50);
    await monitoring.visit('w1', { visitedOn: '2026-12-04', outcome: '', note: '  ' });
    await monitoring.optOut('i-1');
    await monitoring.dashboard('140105001');
    expect(calls[0]!.url.searchParams.get('cursor')).toBe('c2');
    expect(calls[0]!.url.searchParams.get('limit')).toBe('50');
    expect(calls[1]!.body).toEqual({ visitedOn: '2026-12-04', outcome: null, note: null });
    expect(calls[2]!.method).toBe('POST');
    expect(calls[3]!.url.searchParams.get('region')).toBe('140105001');
  });
});

describe('caseworker screens', () => {
  it('the warning queue shows level, masked person and reason, and loads more with the cursor', async () => {
    const calls = stubApi({
      'GET /api/v1/monitoring/warnings': (url) =>
        url.searchParams.get('cursor') === 'p2'
          ? { body: { items: [warning(3, 'YELLOW')], next: null } }
          : { body: { items: [warning(1), warning(2, 'ORANGE')], next: 'p2' } },
    });
    const { default: View } = await import('./WarningQueueView.vue');
    const view = await mountView(View, '/staff/monitoring');
    try {
      await settle();
      const rows = view.root.querySelectorAll('[data-testid="warning-row"]');
      expect(rows).toHaveLength(2);
      expect(rows[0]!.textContent).toContain('红色预警');
      expect(rows[0]!.textContent).toContain('1401**********1234');
      expect(rows[0]!.textContent).toContain('大额自付医疗费用');
      expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('/staff/monitoring/warnings/00000000-0000-4000-8000-000000000001');
      view.root.querySelector<HTMLButtonElement>('[data-testid="warnings-more"]')!.click();
      await settle();
      expect(view.root.querySelectorAll('[data-testid="warning-row"]')).toHaveLength(3);
      expect(view.root.querySelector('[data-testid="warnings-more"]')).toBeNull();
      expect(calls.map((c) => c.url.searchParams.get('cursor'))).toEqual([null, 'p2']);
      expect(view.root.querySelector('[data-testid="nav-monitoring-dashboard"]')).not.toBeNull();
    } finally {
      view.unmount();
    }
  });

  it('the import lists the 422 problems by line and says nothing was imported', async () => {
    const spy = vi.spyOn(monitoring, 'importCsv').mockRejectedValueOnce(
      new ApiError({
        type: 'urn:assistance:problem:validation',
        title: 'Invalid request',
        status: 422,
        errors: [
          { field: 'line 3.nationalId', message: '第 3 行：身份证号无效 / not a valid national id number' },
          { field: 'line 2.regionCode', message: '第 2 行：不在您负责的地区 / outside your region' },
        ],
      }),
    );
    spy.mockResolvedValueOnce({ source: null, created: 2, alreadyReceived: 1, warnings: 2, signals: [] });
    const { default: View } = await import('./SignalImportView.vue');
    const view = await mountView(View, '/staff/monitoring/import');
    try {
      await settle();
      view.root.querySelector<HTMLButtonElement>('[data-testid="signal-import"]')!.click();
      await settle();
      expect(view.root.querySelector('#signal-file-error')?.textContent).toContain('请先选择一个 CSV 文件');
      expect(spy).not.toHaveBeenCalled();

      const input = view.root.querySelector<HTMLInputElement>('[data-testid="signal-file"]')!;
      const file = new File(['source,signalId\n'], 'signals.csv', { type: 'text/csv' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      view.root.querySelector<HTMLButtonElement>('[data-testid="signal-import"]')!.click();
      await settle();
      const box = view.root.querySelector('[data-testid="import-problems"]')!;
      expect(box.getAttribute('role')).toBe('alert');
      expect(box.textContent).toContain('一条都没有导入');
      const lines = [...box.querySelectorAll('[data-testid="import-line"]')].map((li) => li.getAttribute('data-line'));
      expect(lines).toEqual(['2', '3']);
      expect(box.textContent).toContain('第 3 行');
      expect(box.textContent).toContain('身份证号无效');

      view.root.querySelector<HTMLButtonElement>('[data-testid="signal-import"]')!.click();
      await settle();
      expect(view.root.querySelector('[data-testid="import-problems"]')).toBeNull();
      expect(view.root.querySelector('[data-testid="import-result"]')?.textContent).toContain('新增 2 条，以前已收到 1 条，产生 2 条预警');
      expect(spy).toHaveBeenLastCalledWith(file);
    } finally {
      view.unmount();
    }
  });

  it('a warning: visit checked before sending, the dismissal 422 next to its field, the invitation', async () => {
    let current = detail();
    const calls = stubApi({
      'GET /api/v1/monitoring/warnings/w1': () => ({ body: current }),
      'POST /api/v1/monitoring/warnings/w1/dismissal': problem([{ field: 'reason', message: '需要说明理由（最多 500 字） / a reason is required' }]),
      'POST /api/v1/monitoring/warnings/w1/invitation': () => {
        current = { ...detail('INVITED'), invitationId: 'i1' };
        return { status: 201, body: { id: 'i1', warningId: 'w1', likelyPrograms: ['MEDICAL_ASSISTANCE'], invitedAt: '', residentBound: false } };
      },
      'GET /api/v1/programs': { body: [{ code: 'MEDICAL_ASSISTANCE', name: { zh: '医疗救助', en: 'Medical assistance' } }] },
    });
    const { default: View } = await import('./WarningView.vue');
    const view = await mountView({ render: () => h(View, { warningId: 'w1' }) }, '/staff/monitoring/warnings/w1');
    try {
      await settle();
      expect(view.root.querySelector('[data-testid="warning-reason"]')?.getAttribute('lang')).toBe('zh-CN');
      view.root.querySelector<HTMLButtonElement>('[data-testid="visit-submit"]')!.click();
      await settle();
      expect(view.root.querySelector('#visit-outcome-error')?.textContent).toContain('请选择走访结果');
      expect(view.root.querySelector('#visit-outcome')?.getAttribute('aria-invalid')).toBe('true');
      expect(calls.some((c) => c.url.pathname.endsWith('/visits'))).toBe(false);

      const reason = view.root.querySelector<HTMLTextAreaElement>('#dismiss-reason')!;
      reason.value = '已核实';
      reason.dispatchEvent(new Event('input'));
      view.root.querySelector<HTMLButtonElement>('[data-testid="dismiss-submit"]')!.click();
      await settle();
      expect(view.root.querySelector('#dismiss-reason-error')?.textContent).toContain('需要说明理由');

      view.root.querySelector<HTMLButtonElement>('[data-testid="invite"]')!.click();
      await settle(8);
      expect(view.root.querySelector('[data-testid="warning-notice"]')?.textContent).toContain('医疗救助');
      expect(view.root.querySelector('[data-testid="invitation-bound"]')?.textContent).toContain('还没有实名登录');
      expect(view.root.querySelector('[data-testid="warning-status"]')?.textContent).toBe('已邀请申请');
      expect(view.root.querySelector('[data-testid="invite"]')).toBeNull();
    } finally {
      view.unmount();
    }
  });

  it('a direct grant shows the server 422 next to the id, clears the id after success and shows it masked', async () => {
    let attempt = 0;
    const calls = stubApi({
      'POST /api/v1/monitoring/direct-grants': () =>
        ++attempt === 1
          ? problem([{ field: 'nationalId', message: '按身份证上的出生日期，此人未满 80 周岁 / under the age' }])
          : { status: 201, body: { id: 'g1', program: 'OLD_AGE_ALLOWANCE', regionCode: '140105001', person: { name: '李*兰', nationalId: '1401**********1234', age: 82 }, amount: 100, period: 'MONTH', startsOn: '2026-12-05', parameterVersion: null, startedAt: '' } },
    });
    const { default: View } = await import('./DirectGrantView.vue');
    const view = await mountView(View, '/staff/monitoring/direct-grant');
    const fill = (id: string, value: string) => {
      const input = view.root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    try {
      await settle();
      fill('grant-id', '12345');
      view.root.querySelector<HTMLButtonElement>('[data-testid="grant-submit"]')!.click();
      await settle();
      expect(view.root.querySelector('#grant-id-error')?.textContent).toContain('18 位身份证号');
      expect(view.root.querySelector('#grant-name-error')).not.toBeNull();
      expect(calls).toHaveLength(0);

      fill('grant-id', '140105194401011234');
      fill('grant-name', '李桂兰');
      fill('grant-region', '140105001');
      view.root.querySelector<HTMLButtonElement>('[data-testid="grant-submit"]')!.click();
      await settle();
      expect(view.root.querySelector('#grant-id-error')?.textContent).toContain('未满 80 周岁');
      expect(calls[0]!.body).toEqual({ program: 'OLD_AGE_ALLOWANCE', nationalId: '140105194401011234', name: '李桂兰', regionCode: '140105001' });

      view.root.querySelector<HTMLButtonElement>('[data-testid="grant-submit"]')!.click();
      await settle();
      expect(view.root.querySelector('[data-testid="grant-done"]')?.textContent).toContain('1401**********1234');
      expect(view.root.querySelector<HTMLInputElement>('#grant-id')!.value).toBe('');
      expect(view.root.textContent).not.toContain('140105194401011234');
    } finally {
      view.unmount();
    }
  });

  it('the dashboard shows the loop per region with a text summary', async () => {
    const figures = { signals: 3, warnings: { RED: 1, ORANGE: 1, YELLOW: 0 }, invited: 1, applied: 1, helped: 0, directGrants: 0 };
    stubApi({ 'GET /api/v1/monitoring/dashboard': { body: { region: null, totals: figures, regions: [{ regionCode: '140105001', figures }] } } });
    const { default: View } = await import('./MonitoringDashboardView.vue');
    const view = await mountView(View, '/staff/monitoring/dashboard');
    try {
      await settle();
      expect(view.root.querySelector('[data-testid="dash-summary"]')?.textContent).toContain('您负责的地区：收到 3 条信号，产生 2 条预警，邀请 1 户，1 户已申请');
      const row = view.root.querySelector('[data-testid="dash-row"][data-region="140105001"]')!;
      expect(row.querySelector('[data-col="invited"]')?.textContent).toBe('1');
      expect(row.querySelector('[data-col="applied"]')?.textContent).toBe('1');
    } finally {
      view.unmount();
    }
  });
});

describe('resident invitations', () => {
  const invitation: MyInvitation = {
    id: 'inv-1',
    invitedAt: '2026-12-05T01:00:00Z',
    why: '我们从医保部门了解到，您近期看病自己负担的医疗费用较多。',
    likelyPrograms: [{ program: 'MEDICAL_ASSISTANCE', name: { zh: '医疗救助', en: 'Medical assistance' } }],
    draftId: 'd-1',
    howToOptOut: '如果您不需要帮助，可以选择“暂不需要”，180 天内不会再因部门数据主动联系您；也可以拨打 12345 热线告诉我们。',
    optedOutAt: null,
  };

  it('shows why and the likely programs, and opts out only after a confirmation naming the period', async () => {
    auth.me = { username: 'resident9', roles: ['resident'] };
    let opted = false;
    const calls = stubApi({
      'GET /api/v1/me/invitations': () => ({ body: [{ ...invitation, optedOutAt: opted ? '2026-12-05T02:00:00Z' : null }] }),
      'POST /api/v1/me/invitations/inv-1/opt-out': () => {
        opted = true;
        return { body: { invitationId: 'inv-1', optedOutAt: '2026-12-05T02:00:00Z', optedOutUntil: '2027-06-03T02:00:00Z', message: '已为您登记' } };
      },
    });
    const { default: View } = await import('./MyInvitations.vue');
    const view = await mountView(View, '/applications');
    try {
      await settle();
      expect(view.root.querySelector('[data-testid="invitation-why"]')?.textContent).toContain('医保部门');
      expect(view.root.querySelector('[data-testid="invitation-programs"]')?.textContent).toContain('医疗救助');
      view.root.querySelector<HTMLButtonElement>('[data-testid="invitation-opt-out"]')!.click();
      await settle();
      expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
      expect(view.root.querySelector('[data-testid="opt-out-text"]')?.textContent).toContain('180 天内不会再');
      expect(document.activeElement?.getAttribute('data-testid')).toBe('opt-out-confirm');
      view.root.querySelector<HTMLButtonElement>('[data-testid="opt-out-no"]')!.click();
      await settle();
      expect(view.root.querySelector('[data-testid="opt-out-confirm"]')).toBeNull();

      view.root.querySelector<HTMLButtonElement>('[data-testid="invitation-opt-out"]')!.click();
      await settle();
      view.root.querySelector<HTMLButtonElement>('[data-testid="opt-out-yes"]')!.click();
      await settle();
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual(['/api/v1/me/invitations/inv-1/opt-out']);
      expect(view.root.querySelector('[data-testid="invitation-opted-out"]')?.textContent).toContain('2027');
    } finally {
      view.unmount();
    }
  });

  it('opens the prefilled draft in the apply session, not in the address or storage', async () => {
    auth.me = { username: 'resident9', roles: ['resident'] };
    stubApi({
      'GET /api/v1/me/invitations': { body: [invitation] },
      'GET /api/v1/drafts/d-1': {
        body: { id: 'd-1', version: 3, applicant: { name: '王秀英', nationalId: '1401**********1234' }, household: { regionCode: '140105' }, story: null },
      },
    });
    const { applySession, resetApplySession } = await import('../apply/session');
    resetApplySession();
    const { default: View } = await import('./MyInvitations.vue');
    const view = await mountView(View, '/applications');
    try {
      await settle();
      view.root.querySelector<HTMLButtonElement>('[data-testid="invitation-open"]')!.click();
      await settle();
      expect(applySession.draftId).toBe('d-1');
      expect(applySession.version).toBe(3);
      expect(applySession.phase).toBe('steps');
      expect(applySession.form.applicant.name).toBe('王秀英');
      expect(localStorage.length + sessionStorage.length).toBe(0);
    } finally {
      view.unmount();
      resetApplySession();
    }
  });

  it('leaves out an invitation whose draft was submitted', async () => {
    auth.me = { username: 'resident9', roles: ['resident'] };
    stubApi({ 'GET /api/v1/me/invitations': { body: [{ ...invitation, id: 'new' }, { ...invitation, id: 'old', draftId: null }] } });
    const { default: View } = await import('./MyInvitations.vue');
    const view = await mountView(View, '/applications');
    try {
      await settle();
      expect(view.root.querySelectorAll('[data-testid="invitation"]')).toHaveLength(1);
    } finally {
      view.unmount();
    }
  });

  it('shows nothing to a resident without invitations and asks nothing of staff', async () => {
    auth.me = { username: 'caseworker1', roles: ['caseworker'] };
    const calls = stubApi({});
    const { default: View } = await import('./MyInvitations.vue');
    const view = await mountView(View, '/applications');
    try {
      await settle();
      expect(calls).toHaveLength(0);
      expect(view.root.querySelector('[data-testid="invitations"]')).toBeNull();
    } finally {
      view.unmount();
    }
  });
});
