import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountView, settle, stubApi } from '../staff/testing';

function task(n: number) {
  return { id: `t${n}`, reason: 'CALL_ME_BACK', intakeId: `i${n}`, intakeNumber: `JZ-${n}`, regionCode: '140105', title: '审核结果', body: '您的申请已受理', callbackFrom: '09:00:00', callbackTo: '11:30:00', createdAt: '2026-12-05T01:00:00Z', completedAt: null, outcome: null, note: null };
}

afterEach(() => vi.unstubAllGlobals());

describe('call-back list', () => {
  it('pages with the cursor, and a recorded call leaves the list', async () => {
    const calls = stubApi({
      'GET /api/v1/hotline/callback-tasks': (url) =>
        url.searchParams.get('cursor') ? { body: { items: [{ ...task(3), reason: 'DELIVERY_FAILED' }], next: null } } : { body: { items: [task(1), task(2)], next: 'n2' } },
      'POST /api/v1/hotline/callback-tasks/t1/completion': { body: { ...task(1), completedAt: '2026-12-05T02:00:00Z', outcome: 'NO_ANSWER' } },
    });
    const { default: CallbackTasks } = await import('./CallbackTasks.vue');
    const view = await mountView(CallbackTasks);
    try {
      await settle();
      expect(view.root.querySelectorAll('[data-testid="callback"]')).toHaveLength(2);
      expect(view.root.textContent).toContain('居民请求回电');
      expect(view.root.textContent).toContain('希望 09:00–11:30 回电');
      view.root.querySelector<HTMLButtonElement>('[data-testid="callbacks-more"]')!.click();
      await settle();
      expect(view.root.querySelectorAll('[data-testid="callback"]')).toHaveLength(3);
      expect(view.root.textContent).toContain('通知发送失败');

      view.root.querySelector<HTMLButtonElement>('[data-testid="callback-done-t1"]')!.click();
      await settle();
      const outcome = view.root.querySelector<HTMLSelectElement>('#callback-outcome')!;
      outcome.value = 'NO_ANSWER';
      outcome.dispatchEvent(new Event('change'));
      view.root.querySelector<HTMLFormElement>('[data-testid="callback"] form')!.requestSubmit();
      await settle();
      expect(calls.at(-1)?.body).toEqual({ outcome: 'NO_ANSWER', note: null });
      expect(view.root.querySelectorAll('[data-testid="callback"]')).toHaveLength(2);
    } finally {
      view.unmount();
    }
  });
  it('shows the number to call after a reason, as a tel: link kept in memory only, until the task is completed', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const calls = stubApi({
      'GET /api/v1/hotline/callback-tasks': { body: { items: [task(1), task(2)], next: null } },
      'POST /api/v1/hotline/callback-tasks/t1/phone-reveal': (_url, init) =>
        JSON.parse(String(init.body)).reason?.trim().length >= 4
          ? { body: { taskId: 't1', phone: '13512345678', source: 'APPLICATION' } }
          : { status: 422, body: { type: 'about:blank', title: 'Invalid', status: 422, errors: [{ field: 'reason', message: '请说明原因' }] } },
      'POST /api/v1/hotline/callback-tasks/t2/phone-reveal': {
        status: 409,
        body: { type: 'https://assistance.example/problems/no-phone', title: 'Conflict', status: 409, detail: 'No phone number is known.' },
      },
      'POST /api/v1/hotline/callback-tasks/t1/completion': { body: { ...task(1), completedAt: '2026-12-05T02:00:00Z', outcome: 'REACHED' } },
    });
    const { default: CallbackTasks } = await import('./CallbackTasks.vue');
    const view = await mountView(CallbackTasks, '/hotline');
    try {
      await settle();
      expect(view.root.textContent).not.toContain('13512345678');
      view.root.querySelector<HTMLButtonElement>('[data-testid="callback-reveal-t1"]')!.click();
      await settle();
      const form = view.root.querySelector<HTMLFormElement>('[data-testid="callback-reveal-form-t1"]')!;
      const reason = view.root.querySelector<HTMLInputElement>('#callback-reveal-reason')!;

      // no reason: nothing is asked of the server
      form.requestSubmit();
      await settle();
      expect(calls.filter((c) => c.url.pathname.endsWith('/phone-reveal'))).toHaveLength(0);
      expect(view.root.querySelector('#callback-reveal-reason-error')?.textContent).toContain('请写明查看号码的原因');

      reason.value = '回拨告知受理结果';
      reason.dispatchEvent(new Event('input'));
      form.requestSubmit();
      await settle();
      expect(calls.at(-1)?.body).toEqual({ reason: '回拨告知受理结果' });
      const link = view.root.querySelector<HTMLAnchorElement>('[data-testid="callback-phone-t1"] a')!;
      expect(link.getAttribute('href')).toBe('tel:13512345678');
      expect(view.root.querySelector('[data-testid="callback-phone-t1"]')!.textContent).toContain('申请时留的联系电话');
      // in memory only: not in the address, not in storage
      expect(window.location.href).not.toContain('13512345678');
      expect(setItem.mock.calls.flat().join(' ')).not.toContain('13512345678');

      // no number known for the other resident: said in plain words
      view.root.querySelector<HTMLButtonElement>('[data-testid="callback-reveal-t2"]')!.click();
      await settle();
      const reason2 = view.root.querySelector<HTMLInputElement>('#callback-reveal-reason')!;
      reason2.value = '回拨告知受理结果';
      reason2.dispatchEvent(new Event('input'));
      view.root.querySelector<HTMLFormElement>('[data-testid="callback-reveal-form-t2"]')!.requestSubmit();
      await settle();
      expect(view.root.textContent).toContain('没有这位居民的电话号码');

      // the call recorded: the task and its number leave the page
      view.root.querySelector<HTMLButtonElement>('[data-testid="callback-done-t1"]')!.click();
      await settle();
      view.root.querySelector<HTMLFormElement>('[data-testid="callback"] form:not([data-testid])')!.requestSubmit();
      await settle();
      expect(view.root.querySelectorAll('[data-testid="callback"]')).toHaveLength(1);
      expect(view.root.textContent).not.toContain('13512345678');
    } finally {
      view.unmount();
      setItem.mockRestore();
    }
    expect(document.body.textContent).not.toContain('13512345678');
  });
});
