import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import { mountView, settle, stubApi } from '../staff/testing';

const auth = reactive({ status: 'authenticated', me: { username: 'hotline1', roles: ['hotline'] }, problem: null });
vi.mock('../auth', () => ({ useAuth: () => ({ state: auth, login: vi.fn(), displayName: { value: 'hotline1' } }) }));

const ID = '140105198603011234';
const CALL = { id: 'c1', callReference: '12345-T-1', line: '12345', openedAt: '2026-12-05T01:00:00Z', verified: false, verifiedAt: null, questionsAnswered: [], intakesFound: [], notes: [] };
const VERIFIED = { ...CALL, verified: true, questionsAnswered: ['FULL_NAME', 'BIRTH_DATE'] };
const STATUS = {
  intakeId: 'i1',
  intakeNumber: 'JZ-140105-2026-000001',
  applicantName: '李*',
  overallState: 'IN_PROGRESS',
  cases: [
    {
      caseId: 'k1',
      program: 'MINIMUM_LIVING_ALLOWANCE',
      programName: { zh: '最低生活保障', en: 'Minimum living allowance' },
      agency: { zh: '民政局', en: 'Civil affairs' },
      step: 'ACCEPTED',
      stepName: { zh: '已受理', en: 'Accepted' },
      urgent: false,
      version: 2,
      deadline: null,
      decision: null,
    },
  ],
  timeline: [],
  todos: [],
};

function routes(verification: unknown = { body: VERIFIED }) {
  return stubApi({
    'GET /api/v1/hotline/verification-questions': {
      body: [
        { code: 'FULL_NAME', text: { zh: '姓名', en: 'Name' } },
        { code: 'BIRTH_DATE', text: { zh: '出生日期', en: 'Birth date' } },
        { code: 'ID_LAST_FOUR', text: { zh: '后四位', en: 'Last four' } },
      ],
    },
    'GET /api/v1/hotline/callback-tasks': { body: { items: [], next: null } },
    'POST /api/v1/hotline/calls': { status: 201, body: CALL },
    'POST /api/v1/hotline/calls/c1/verification': verification as never,
    'POST /api/v1/hotline/calls/c1/searches': {
      body: { callerRegistered: true, intakes: [{ intakeId: 'i1', intakeNumber: STATUS.intakeNumber, applicantName: '李*', applicantPhone: '138****1111', regionCode: '140105', status: 'ACTIVE', submittedAt: '2026-12-05T01:00:00Z' }] },
    },
    'GET /api/v1/hotline/calls/c1': { body: { ...VERIFIED, intakesFound: ['i1'] } },
    'GET /api/v1/hotline/calls/c1/intakes/i1/status': { body: STATUS },
    'POST /api/v1/hotline/calls/c1/notes': { status: 201, body: { id: 1, writtenAt: '2026-12-05T01:05:00Z', text: '已告知' } },
  });
}

function input(root: HTMLElement, selector: string, value: string | boolean): void {
  const el = root.querySelector<HTMLInputElement>(selector)!;
  if (typeof value === 'boolean') {
    el.checked = value;
    el.dispatchEvent(new Event('change'));
  } else {
    el.value = value;
    el.dispatchEvent(new Event('input'));
  }
}

function click(root: HTMLElement, testId: string): void {
  root.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!.click();
}

let view: Awaited<ReturnType<typeof mountView>> | undefined;

beforeEach(() => localStorage.clear());
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

async function openAndVerify(root: HTMLElement): Promise<void> {
  input(root, '#call-reference', '12345-T-1');
  click(root, 'call-open');
  await settle();
  input(root, '[data-testid="question-FULL_NAME"]', true);
  input(root, '[data-testid="question-BIRTH_DATE"]', true);
  input(root, '#verify-reason', '来电人询问低保进度');
  click(root, 'verify-submit');
  await settle();
}

describe('hotline desk', () => {
  it('asks for a call reference first and says so next to the field', async () => {
    const calls = routes();
    const { default: HotlineView } = await import('./HotlineView.vue');
    view = await mountView(HotlineView, '/hotline');
    await settle();
    click(view.root, 'call-open');
    await settle();
    expect(view.root.querySelector('[data-testid="call-reference-error"]')?.textContent).toContain('来电编号');
    expect(view.root.querySelector('#call-reference')?.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('offers no search before the caller is verified, then searches and shows the masked status only', async () => {
    const calls = routes();
    const { default: HotlineView } = await import('./HotlineView.vue');
    view = await mountView(HotlineView, '/hotline');
    await settle();
    input(view.root, '#call-reference', '12345-T-1');
    click(view.root, 'call-open');
    await settle();
    expect(view.root.querySelector('[data-testid="search-locked"]')).not.toBeNull();
    expect(view.root.querySelector('#search-query')).toBeNull();

    input(view.root, '[data-testid="question-FULL_NAME"]', true);
    input(view.root, '#verify-reason', '来电人询问低保进度');
    click(view.root, 'verify-submit');
    await settle();
    expect(view.root.textContent).toContain('至少要答对 2 个问题才能查询');
    expect(calls.filter((c) => c.url.pathname.endsWith('/verification'))).toHaveLength(0);

    input(view.root, '[data-testid="question-BIRTH_DATE"]', true);
    click(view.root, 'verify-submit');
    await settle();
    expect(view.root.querySelector('[data-testid="verified"]')).not.toBeNull();

    input(view.root, '#search-query', ID);
    click(view.root, 'search-submit');
    await settle();
    expect((view.root.querySelector('#search-query') as HTMLInputElement).value).toBe('');
    expect(view.root.querySelector('[data-testid="searched-id"]')?.textContent).toContain('1401**********1234');
    click(view.root, 'show-status');
    await settle();
    expect(view.root.querySelector('[data-testid="status-number"]')?.textContent).toBe(STATUS.intakeNumber);
    expect(view.root.querySelector('[data-testid="status-case-MINIMUM_LIVING_ALLOWANCE"]')?.textContent).toContain('已受理');
    expect(view.root.innerHTML).not.toContain(ID);
    expect(JSON.stringify({ ...localStorage })).not.toContain(ID);
  });

  it('shows a problem+json 422 of the verification next to the reason, in plain words', async () => {
    routes({
      status: 422,
      body: { type: 'urn:assistance:problem:validation', title: 'Invalid', status: 422, errors: [{ field: 'verify.request.reason', message: '原因太短 / too short' }] },
    });
    const { default: HotlineView } = await import('./HotlineView.vue');
    view = await mountView(HotlineView, '/hotline');
    await settle();
    await openAndVerify(view.root);
    expect(view.root.querySelector('[data-testid="verify-reason-error"]')?.textContent?.trim()).toBe('这一项需要改一下（原因太短）');
    expect(view.root.querySelector('#verify-reason')?.getAttribute('aria-describedby')).toBe('verify-reason-error');
  });

  it('adds a call note', async () => {
    const calls = routes();
    const { default: HotlineView } = await import('./HotlineView.vue');
    view = await mountView(HotlineView, '/hotline');
    await settle();
    await openAndVerify(view.root);
    click(view.root, 'note-add');
    await settle();
    expect(view.root.textContent).toContain('请先写下备注内容');
    input(view.root, '#note-text', `来电人身份证 ${ID}`);
    click(view.root, 'note-add');
    await settle();
    expect(view.root.textContent).toContain('备注里不要写身份证号');
    expect(calls.some((c) => c.url.pathname.endsWith('/notes'))).toBe(false);
    input(view.root, '#note-text', '已告知');
    click(view.root, 'note-add');
    await settle();
    expect(view.root.querySelectorAll('[data-testid="call-note"]')).toHaveLength(1);
    expect(calls.find((c) => c.url.pathname.endsWith('/notes'))?.body).toEqual({ text: '已告知' });
  });

  it('tells other staff the desk is for hotline staff only', async () => {
    routes();
    auth.me = { username: 'caseworker1', roles: ['caseworker'] };
    try {
      const { default: HotlineView } = await import('./HotlineView.vue');
      view = await mountView(HotlineView, '/hotline');
      await settle();
      expect(view.root.textContent).toContain('这个页面只供 12345 / 12349 热线工作人员使用');
      expect(view.root.querySelector('#call-reference')).toBeNull();
    } finally {
      auth.me = { username: 'hotline1', roles: ['hotline'] };
    }
  });
});
