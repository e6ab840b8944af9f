/** Test helpers of the staff screens: a fetch stub answering by method and path, and a mounted app. */
import { vi } from 'vitest';
import { createApp, h, type Component } from 'vue';
import { RouterView, createMemoryHistory, createRouter } from 'vue-router';

export type Handler = (url: URL, init: RequestInit) => { status?: number; body?: unknown; type?: string } | undefined;

/** `routes`: "METHOD /path" (query ignored) → answer; anything else is a 404 problem. Returns the calls made. */
export function stubApi(routes: Record<string, Handler | { status?: number; body?: unknown; type?: string }>) {
  const calls: { method: string; url: URL; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://localhost');
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const route = routes[`${method} ${url.pathname}`];
      const answer = typeof route === 'function' ? route(url, init) : route;
      if (!answer) {
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }
      const status = answer.status ?? 200;
      return new Response(JSON.stringify(answer.body ?? {}), {
        status,
        headers: { 'Content-Type': answer.type ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
      });
    }),
  );
  return calls;
}

/** Mounts a view inside a memory router at `path`; `unmount` cleans up. */
export async function mountView(view: Component, path = '/') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: view }] });
  await router.push(path);
  await router.isReady();
  const root = document.createElement('div');
  document.body.append(root);
  const app = createApp({ render: () => h(RouterView) }).use(router);
  app.mount(root);
  return { root, unmount: () => { app.unmount(); root.remove(); } };
}

/** Lets pending promises and Vue updates run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
