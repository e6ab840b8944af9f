import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
  vi.resetModules();
});

describe('elderly mode (长辈模式)', () => {
  it('is off by default', async () => {
    const { useElderlyMode, initElderlyMode } = await import('./elderly');
    initElderlyMode();
    expect(useElderlyMode().enabled.value).toBe(false);
    expect(document.documentElement.classList.contains('elderly')).toBe(false);
  });

  it('toggles the class on <html> and persists in localStorage', async () => {
    const { useElderlyMode } = await import('./elderly');
    const mode = useElderlyMode();

    mode.toggleElderlyMode();
    expect(mode.enabled.value).toBe(true);
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    expect(localStorage.getItem('assistance.elderlyMode')).toBe('on');

    mode.toggleElderlyMode();
    expect(mode.enabled.value).toBe(false);
    expect(document.documentElement.classList.contains('elderly')).toBe(false);
    expect(localStorage.getItem('assistance.elderlyMode')).toBe('off');
  });

  it('comes back on after a reload when it was left on', async () => {
    (await import('./elderly')).setElderlyMode(true);
    document.documentElement.className = '';

    vi.resetModules(); // a fresh page load reads the stored choice again
    const reloaded = await import('./elderly');
    reloaded.initElderlyMode();
    expect(reloaded.useElderlyMode().enabled.value).toBe(true);
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
  });
});
