import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick, type App as VueApp, type Component } from 'vue';
import DelegationPanel from './DelegationPanel.vue';
import StatusQueryView from './StatusQueryView.vue';

type Answer = { status: number; body?: unknown; type?: string };
const json = (a: Answer) =>
  a.status === 204
    ? new Response(null, { status: 204 })
    : new Response(JSON.stringify(a.body ?? {}), { status: a.status, headers: { 'Content-Type': a.type ?? 'application/json' } });

/** fetch answering by "METHOD path"; everything else (the program catalog) is an empty list. */
function backend(routes: Record<string, Answer | Answer[]>) {
  const calls: { key: string; body: unknown; headers: Record<string, string> }[] = [];
  const f = vi.fn<typeof fetch>(async (input, init) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push({ key, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: (init?.headers ?? {}) as Record<string, string> });
    const route = routes[key];
    const answer = Array.isArray(route) ? route.shift() : route;
    return json(answer ?? { status: 200, body: [] });
  });
  vi.stubGlobal('fetch', f);
  return calls;
}

const problem = (status: number, extra: Record<string, unknown> = {}): Answer => ({
  status,
  type: 'application/problem+json',
  body: { type: 'about:blank', title: 'x', status, ...extra },
});

let app: VueApp | undefined;
function mount(component: Component, props: Record<string, unknown> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  app = createApp(component, props);
  app.mount(root);
  return root;
}
const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
};
function type(root: HTMLElement, selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const submit = (root: HTMLElement, testid: string) => root.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)!.click();

afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.innerHTML = '';
});

const STATUS = {
  intakeId: 'i1', intakeNumber: 'JZ-140105-2026-000123', applicantName: '张*', overallState: 'IN_PROGRESS', todos: [], timeline: [],
  cases: [{ caseId: 'c1', program: 'MINIMUM_LIVING_ALLOWANCE', programName: { zh: '最低生活保障', en: 'Minimum living allowance' }, agency: null,
    step: 'SUBMITTED', stepName: { zh: '已提交', en: 'Submitted' }, urgent: false, version: 1, deadline: null, decision: null }],
};

describe('StatusQueryView', () => {
  it('shows the form errors next to the fields and sends nothing', async () => {
    const calls = backend({});
    const root = mount(StatusQueryView);
    submit(root, 'query-start');
    await settle();
    expect(root.querySelector('[data-testid="query-intakeNumber-error"]')?.textContent).toContain('JZ-140105-2026-000123');
    expect(root.querySelector('#query-idLast6')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#query-idLast6')?.getAttribute('aria-describedby')).toContain('query-idLast6-error');
    expect(document.activeElement?.id).toBe('query-intakeNumber');
    expect(calls.filter((c) => c.key.includes('status-queries'))).toEqual([]);
  });

  it('explains a 429 in plain words, then asks for the code and shows the status', async () => {
    const calls = backend({
      'POST /api/v1/status-queries': [problem(429), { status: 202, body: { queryId: 'q1', expiresAt: '', message: { zh: '验证码已发送', en: 'sent' } } }],
      'POST /api/v1/status-queries/q1/verification': [
        problem(422, { type: 'urn:assistance:problem:wrong-code', detail: '验证码不正确，还可尝试 4 次 / the code is wrong; 4 attempt(s) left' }),
        { status: 200, body: STATUS },
      ],
    });
    const root = mount(StatusQueryView);
    type(root, '#query-intakeNumber', 'JZ-140105-2026-000123');
    type(root, '#query-idLast6', '07451X');
    submit(root, 'query-start');
    await settle();
    expect(root.querySelector('[data-testid="query-message"]')?.textContent).toContain('查询太频繁了');
    submit(root, 'query-start');
    await settle();
    expect(root.querySelector('[data-testid="code-sent"]')?.textContent).toBe('验证码已发送');
    type(root, '#query-code', '000000');
    submit(root, 'query-verify');
    await settle();
    expect(root.querySelector('[data-testid="query-code-error"]')).not.toBeNull();
    expect(root.querySelector('#query-code-hint')?.textContent).toContain('还可以再试 4 次');
    type(root, '#query-code', '123456');
    submit(root, 'query-verify');
    await settle();
    expect(root.querySelector('[data-testid="query-status"]')?.textContent).toContain('JZ-140105-2026-000123');
    expect(root.querySelector('[data-testid="status-applicant"]')?.textContent).toContain('张*');
    expect(calls.every((c) => !c.headers.Authorization)).toBe(true);
  });
});

describe('DelegationPanel', () => {
  it('lists on opening, explains a 409 in plain words, then grants and shows the masked delegate', async () => {
    const granted = { id: 'd1', intakeId: 'i1', delegateName: '李*', delegateNationalId: '1101**********4514', scope: 'VIEW_STATUS',
      endsOn: '2027-03-01', status: 'ACTIVE', grantedByRole: 'resident', reason: null, createdAt: '', revokedAt: null };
    const calls = backend({
      'GET /api/v1/intakes/i1/delegations': [{ status: 200, body: [] }, { status: 200, body: [granted] }],
      'POST /api/v1/intakes/i1/delegations': [
        problem(409, { type: 'urn:assistance:problem:delegate-not-registered' }),
        { status: 201, body: granted },
      ],
    });
    const root = mount(DelegationPanel, { intakeId: 'i1' });
    const details = root.querySelector('details')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await settle();
    expect(root.querySelector('[data-testid="no-delegations"]')).not.toBeNull();
    expect(calls.filter((c) => c.key === 'GET /api/v1/intakes/i1/delegations')).toHaveLength(1);

    type(root, '[data-testid="grant-nationalId"]', '11010519491231002X');
    type(root, '[data-testid="grant-phone"]', '139');
    submit(root, 'grant');
    await settle();
    expect(root.querySelector('[data-testid$="-phone-error"]')?.textContent).toContain('11 位手机号');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('grant-phone');

    type(root, '[data-testid="grant-phone"]', '13912345678');
    submit(root, 'grant');
    await settle();
    expect(root.querySelector('[data-testid="grant-message"]')?.textContent).toContain('完成实名认证');
    submit(root, 'grant');
    await settle();
    const posts = calls.filter((c) => c.key === 'POST /api/v1/intakes/i1/delegations');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.headers['Idempotency-Key']).not.toBe(posts[0]!.headers['Idempotency-Key']);
    expect(posts[1]!.body).toMatchObject({ nationalId: '11010519491231002X', phone: '13912345678', scope: 'VIEW_STATUS' });
    const row = root.querySelector('[data-testid="delegation"]');
    expect(row?.getAttribute('data-status')).toBe('ACTIVE');
    expect(row?.textContent).toContain('1101**********4514');
    expect(root.querySelector('[data-testid="grant-nationalId"]')).toHaveProperty('value', '');
  });
});
