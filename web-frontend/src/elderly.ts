import { computed, ref } from 'vue';

/** "长辈模式": larger text and higher contrast, remembered on this device. */
export const ELDERLY_STORAGE_KEY = 'assistance.elderlyMode';
export const ELDERLY_CLASS = 'elderly';

function readStored(): boolean {
  try {
    return localStorage.getItem(ELDERLY_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

const enabled = ref<boolean>(readStored());

function applyToDocument(on: boolean): void {
  document.documentElement.classList.toggle(ELDERLY_CLASS, on);
}

export function setElderlyMode(on: boolean): void {
  enabled.value = on;
  try {
    localStorage.setItem(ELDERLY_STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // storage may be blocked; the mode still applies to this page
  }
  applyToDocument(on);
}

export function toggleElderlyMode(): void {
  setElderlyMode(!enabled.value);
}

/** Apply the stored choice to `<html>`; call once at start-up. */
export function initElderlyMode(): void {
  applyToDocument(enabled.value);
}

export function useElderlyMode() {
  return { enabled: computed(() => enabled.value), setElderlyMode, toggleElderlyMode };
}
