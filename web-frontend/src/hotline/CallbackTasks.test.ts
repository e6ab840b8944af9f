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
});
