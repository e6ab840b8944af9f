/** Plain words for an error answer (problem+json), shared by the resident and staff screens. */
import { isApiError } from './api';
import type { Locale, MessageKey } from './messages';

/** The message for the whole form when an answer failed; `detail` is worth showing for 409 only. */
export function problemKey(error: unknown): MessageKey {
  if (!isApiError(error)) return 'problem.server';
  switch (error.status) {
    case 0:
      return 'problem.network';
    case 401:
      return 'problem.login';
    case 403:
    case 404:
      return 'problem.notFound';
    case 409:
      return 'problem.conflict';
    case 412:
      return 'problem.stale';
    case 413:
      return 'upload.error.tooLarge';
    case 400:
    case 422:
      return 'problem.invalid';
    case 429:
      return 'calc.error.tooMany';
    default:
      return 'problem.server';
  }
}

/**
 * The server writes some messages in both languages (`请填写申请人姓名 / the applicant's name is required`):
 * show the half in the reader's language; a message in one language is shown as it is.
 */
export function serverText(message: string, locale: Locale): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  const [zh, en] = parts as [string, string];
  return locale === 'zh-CN' ? zh : en;
}
