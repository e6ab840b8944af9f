/**
 * Errors of a staff form: checks made before sending and problem+json answers, placed next to their input in plain
 * words (a field the form does not know goes to the form's message); the first invalid input gets the focus.
 */
import { nextTick, ref } from 'vue';
import { isApiError } from '../api';
import { t, useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { problemKey, serverText } from '../problems';

export function useFieldErrors(inputOf: (field: string) => string | null) {
  const { locale } = useI18n();
  const errors = ref<Record<string, string>>({});
  const message = ref('');

  function focusFirst(): void {
    void nextTick(() => {
      const id = Object.keys(errors.value)[0];
      const input = id ? document.getElementById(id) : null;
      input?.focus();
    });
  }

  function clear(): void {
    errors.value = {};
    message.value = '';
  }

  /** Shows the local checks; false when there is something to fix. */
  function check(local: Record<string, MessageKey>): boolean {
    clear();
    errors.value = Object.fromEntries(Object.entries(local).map(([id, key]) => [id, t(key)]));
    if (Object.keys(local).length) {
      focusFirst();
      return false;
    }
    return true;
  }

  /** Places a failed answer: field errors next to their inputs, anything else as the form's message. */
  function fail(error: unknown, conflictDetail = true): void {
    clear();
    if (isApiError(error) && error.fieldErrors.length) {
      const placed: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const fe of error.fieldErrors) {
        const text = t('calc.error.field', { message: serverText(fe.message, locale.value) });
        const id = inputOf(fe.field);
        if (id) placed[id] ??= text;
        else unplaced.push(text);
      }
      errors.value = placed;
      message.value = unplaced.length ? unplaced.join('；') : t('problem.invalid');
      focusFirst();
      return;
    }
    message.value =
      conflictDetail && isApiError(error) && error.status === 409 && error.problem.detail
        ? `${t('problem.conflict')}（${error.problem.detail}）`
        : t(problemKey(error));
  }

  return { errors, message, clear, check, fail };
}
