import { describe, expect, it, vi } from 'vitest';
import { inbox, preferencesBody, refreshUnread, unread, validatePreferences } from './inbox';

function stub(body: unknown, status = 200) {
  const f = vi.fn<typeof fetch>(async () =>
    status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', f);
  return f;
}

describe('inbox and notification preferences', () => {
  it('pages with the cursor and marks a message read', async () => {
    const f = stub({ items: [], unread: 3, next: '41' });
    await inbox.page();
    await inbox.page('41', 5);
    expect(f.mock.calls[0]![0]).toBe('/api/v1/inbox?limit=20');
    expect(f.mock.calls[1]![0]).toBe('/api/v1/inbox?limit=5&cursor=41');
    const g = stub(undefined, 204);
    await inbox.markRead(42);
    expect(g.mock.calls[0]![0]).toBe('/api/v1/inbox/42/read');
    expect(g.mock.calls[0]![1]?.method).toBe('POST');
  });

  it('reads the unread count for the header', async () => {
    stub({ items: [], unread: 7, next: null });
    await refreshUnread();
    expect(unread.count).toBe(7);
    stub({ type: 'about:blank', title: 'x', status: 500 }, 500);
    await refreshUnread();
    expect(unread.count).toBe(7);
  });

  it('sends hours only with a call-back, as HH:mm', async () => {
    expect(preferencesBody({ channels: ['SMS', 'SMS'], callMeBack: false, callbackFrom: '09:00', callbackTo: '11:00' })).toEqual({
      channels: ['SMS'], callMeBack: false, callbackFrom: null, callbackTo: null,
    });
    const f = stub({ channels: [], callMeBack: true, callbackFrom: '09:00:00', callbackTo: '11:30:00' });
    await inbox.savePreferences({ channels: [], callMeBack: true, callbackFrom: '09:00:00', callbackTo: '11:30' });
    expect(f.mock.calls[0]![1]?.method).toBe('PUT');
    expect(JSON.parse(String(f.mock.calls[0]![1]?.body))).toEqual({ channels: [], callMeBack: true, callbackFrom: '09:00', callbackTo: '11:30' });
  });

  it('checks the call-back window', () => {
    const p = { channels: [], callMeBack: true, callbackFrom: '11:00', callbackTo: '09:00' };
    expect(validatePreferences(p)).toHaveProperty('prefs-callbackFrom');
    expect(validatePreferences({ ...p, callbackTo: null })).toHaveProperty('prefs-callbackFrom');
    expect(validatePreferences({ ...p, callbackFrom: null, callbackTo: null })).toEqual({});
    expect(validatePreferences({ ...p, callbackTo: '12:00' })).toEqual({});
    expect(validatePreferences({ ...p, callMeBack: false })).toEqual({});
  });
});
