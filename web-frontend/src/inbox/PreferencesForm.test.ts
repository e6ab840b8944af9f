import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick, type App as VueApp } from 'vue';
import { setElderlyMode } from '../elderly';
import PreferencesForm from './PreferencesForm.vue';

let app: VueApp | undefined;
const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
};

function backend(put: { status: number; body: unknown; type?: string }) {
  const calls: { method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(async (_input, init) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = method === 'PUT' ? put : { status: 200, body: { channels: ['MINIPROGRAM', 'SMS'], callMeBack: false, callbackFrom: null, callbackTo: null } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': answer.type ?? 'application/json' } });
  }));
  return calls;
}

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  app = createApp(PreferencesForm);
  app.mount(root);
  return root;
}

afterEach(() => {
  app?.unmount();
  document.body.innerHTML = '';
  setElderlyMode(false);
});

describe('PreferencesForm', () => {
  it('is open in senior mode and saves the call-back with its hours', async () => {
    setElderlyMode(true);
    const calls = backend({ status: 200, body: { channels: ['SMS'], callMeBack: true, callbackFrom: '09:00:00', callbackTo: '11:30:00' } });
    const root = mount();
    await settle();
    expect(root.querySelector('details')?.open).toBe(true);
    expect(root.textContent).toContain('不方便看手机');
    root.querySelector<HTMLInputElement>('#prefs-callMeBack')!.click();
    await nextTick();
    const set = (id: string, v: string) => {
      const input = root.querySelector<HTMLInputElement>(id)!;
      input.value = v;
      input.dispatchEvent(new Event('input'));
    };
    set('#prefs-callbackFrom', '09:00');
    set('#prefs-callbackTo', '11:30');
    root.querySelector<HTMLInputElement>('#prefs-channels')!.click(); // mini program off
    await nextTick();
    root.querySelector<HTMLButtonElement>('[data-testid="prefs-save"]')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({ method: 'PUT', body: { channels: ['SMS'], callMeBack: true, callbackFrom: '09:00', callbackTo: '11:30' } });
    expect(root.querySelector('[data-testid="prefs-saved"]')).not.toBeNull();
  });

  it('checks the window before sending and shows a 422 next to the field', async () => {
    const calls = backend({
      status: 422,
      type: 'application/problem+json',
      body: { type: 'urn:assistance:problem:validation', title: 'Invalid', status: 422, errors: [{ field: 'callbackTo', message: 'must be after callbackFrom' }] },
    });
    const root = mount();
    await settle();
    expect(root.querySelector('details')?.open).toBe(false);
    root.querySelector<HTMLInputElement>('#prefs-callMeBack')!.click();
    await nextTick();
    const from = root.querySelector<HTMLInputElement>('#prefs-callbackFrom')!;
    from.value = '11:00';
    from.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('[data-testid="prefs-save"]')!.click();
    await settle();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    expect(root.querySelector('[data-testid="prefs-callbackFrom-error"]')?.textContent).toContain('结束要晚于开始');
    const to = root.querySelector<HTMLInputElement>('#prefs-callbackTo')!;
    to.value = '12:00';
    to.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('[data-testid="prefs-save"]')!.click();
    await settle();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect(root.querySelector('[data-testid="prefs-callbackFrom-error"]')?.textContent).toContain('must be after callbackFrom');
  });
});
