/** The resident's inbox and how they want to hear of their applications (`notify/api`). */
import { reactive } from 'vue';
import { api } from '../api';

export interface InboxMessage {
  id: number;
  kind: string;
  title: string;
  body: string;
  intakeId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxMessage[];
  unread: number;
  next: string | null;
}

export type PushChannel = 'MINIPROGRAM' | 'SMS';

export interface NotificationPreferences {
  /** Push channels in the order to try; `[]` is the inbox only (it always gets every message). */
  channels: PushChannel[];
  callMeBack: boolean;
  /** `HH:mm` (the backend may add seconds). */
  callbackFrom: string | null;
  callbackTo: string | null;
}

export const inbox = {
  page: (cursor?: string | null, limit = 20) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return api.get<InboxPage>(`/api/v1/inbox?${query}`);
  },
  markRead: (id: number) => api.post<void>(`/api/v1/inbox/${encodeURIComponent(String(id))}/read`),
  preferences: () => api.get<NotificationPreferences>('/api/v1/me/notification-preferences'),
  savePreferences: (preferences: NotificationPreferences) =>
    api.put<NotificationPreferences>('/api/v1/me/notification-preferences', preferencesBody(preferences)),
};

/** Hours only with a call-back; `HH:mm` as the backend's LocalTime reads it. */
export function preferencesBody(p: NotificationPreferences): NotificationPreferences {
  const hm = (v: string | null) => (v ? v.slice(0, 5) : null);
  return {
    channels: [...new Set(p.channels)],
    callMeBack: p.callMeBack,
    callbackFrom: p.callMeBack ? hm(p.callbackFrom) : null,
    callbackTo: p.callMeBack ? hm(p.callbackTo) : null,
  };
}

/** Checks before saving, keyed by input id. */
export function validatePreferences(p: NotificationPreferences): Record<string, { key: 'prefs.error.window' }> {
  if (!p.callMeBack) return {};
  const from = p.callbackFrom?.slice(0, 5) ?? '';
  const to = p.callbackTo?.slice(0, 5) ?? '';
  if ((from === '') !== (to === '') || (from && to && from >= to)) return { 'prefs-callbackFrom': { key: 'prefs.error.window' } };
  return {};
}

/** The unread count shown in the header; refreshed on login and by the inbox screen. */
export const unread = reactive({ count: 0 });

export async function refreshUnread(): Promise<void> {
  try {
    unread.count = (await inbox.page(null, 1)).unread;
  } catch {
    // the badge is a hint; the inbox screen shows the error
  }
}
