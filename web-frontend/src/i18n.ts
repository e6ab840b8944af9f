import { computed, ref } from 'vue';
import { locales, messages, type Locale, type MessageKey } from './messages';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'assistance.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const current = ref<Locale>(readStoredLocale());

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = messages[locale]['app.title'];
}

/** Translate a key in the current locale; `{name}` placeholders are filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages[current.value][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function setLocale(locale: Locale): void {
  current.value = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage may be blocked (private mode); the switch still works for this page
  }
  applyToDocument(locale);
}

export function toggleLocale(): void {
  setLocale(current.value === 'zh-CN' ? 'en' : 'zh-CN');
}

/** Set `<html lang>` and the title from the stored choice; call once at start-up. */
export function initLocale(): void {
  applyToDocument(current.value);
}

export function useI18n() {
  return { t, locale: computed(() => current.value), setLocale, toggleLocale };
}
