/**
 * Login through Keycloak: OpenID Connect authorization code flow with PKCE (S256, which
 * oidc-client-ts always uses for the code flow). The authority and client come from the backend
 * at run time (`GET /api/v1/portal-config`), so one build serves every environment.
 * Tokens stay in sessionStorage (gone when the tab closes); the redirect comes back to "/".
 */
import { computed, reactive, readonly } from 'vue';
import type { Router } from 'vue-router';
import type { User, UserManager } from 'oidc-client-ts';
import { api, isApiError, setAccessTokenProvider } from './api';
import { useI18n } from './i18n';

export interface PortalConfig {
  oidcAuthority: string;
  clientId: string;
}

/** `GET /api/v1/me` */
export interface Me {
  username: string;
  roles: string[];
  name?: string;
}

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'unavailable';
export type AuthProblem = 'unavailable' | 'failed' | null;

const state = reactive({
  status: 'loading' as AuthStatus,
  me: null as Me | null,
  problem: null as AuthProblem,
});

let manager: UserManager | null = null;
let user: User | null = null;
let router: Router | null = null;

setAccessTokenProvider(() => (user && !user.expired ? user.access_token : null));

interface LoginState {
  returnTo: string;
}

function isLoginState(value: unknown): value is LoginState {
  return typeof value === 'object' && value !== null && typeof (value as LoginState).returnTo === 'string';
}

/** Only same-site paths, never `//host` or a full URL. */
function safeReturnPath(value: unknown): string {
  const path = isLoginState(value) ? value.returnTo : '/';
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

function isRedirectCallback(): boolean {
  const params = new URLSearchParams(window.location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

async function createManager(): Promise<UserManager | null> {
  let config: PortalConfig;
  try {
    config = await api.get<PortalConfig>('/api/v1/portal-config', { anonymous: true });
  } catch {
    return null;
  }
  if (!config || typeof config.oidcAuthority !== 'string' || typeof config.clientId !== 'string') {
    return null;
  }
  const { UserManager: Manager, WebStorageStateStore } = await import('oidc-client-ts');
  const home = `${window.location.origin}/`;
  const created = new Manager({
    authority: config.oidcAuthority,
    client_id: config.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    monitorSession: false,
  });
  created.events.addUserLoaded((loaded) => {
    user = loaded;
  });
  created.events.addUserUnloaded(() => {
    user = null;
    state.me = null;
    state.status = 'anonymous';
  });
  return created;
}

async function loadMe(current: User): Promise<void> {
  try {
    state.me = await api.get<Me>('/api/v1/me');
    state.status = 'authenticated';
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      await manager?.removeUser();
      user = null;
      state.me = null;
      state.status = 'anonymous';
      return;
    }
    // The backend is there but /me failed: still show who is logged in, from the ID token.
    const profile = current.profile;
    const username = profile.preferred_username ?? profile.sub;
    state.me = { username, roles: [], name: profile.name ?? username };
    state.status = 'authenticated';
  }
}

/** Call once at start-up, after the router is ready. Finishes a login redirect if this is one. */
export async function initAuth(appRouter: Router): Promise<void> {
  router = appRouter;
  manager = await createManager();
  if (!manager) {
    state.status = 'unavailable';
    return;
  }
  if (isRedirectCallback()) {
    try {
      user = await manager.signinRedirectCallback();
      await appRouter.replace(safeReturnPath(user.state));
    } catch {
      user = null;
      state.problem = 'failed';
      await appRouter.replace({ path: appRouter.currentRoute.value.path, query: {} });
    }
  } else {
    user = await manager.getUser();
    if (user?.expired && user.refresh_token) {
      user = await manager.signinSilent().catch(() => null);
    }
  }
  if (user && !user.expired) {
    await loadMe(user);
  } else {
    state.status = 'anonymous';
  }
}

export async function login(): Promise<void> {
  state.problem = null;
  if (!manager) {
    manager = await createManager();
    if (!manager) {
      state.problem = 'unavailable';
      return;
    }
  }
  const returnTo = router?.currentRoute.value.fullPath ?? '/';
  const { locale } = useI18n();
  const loginState: LoginState = { returnTo };
  try {
    await manager.signinRedirect({ state: loginState, ui_locales: locale.value });
  } catch {
    state.problem = 'unavailable';
  }
}

export async function logout(): Promise<void> {
  if (!manager) return;
  try {
    await manager.signoutRedirect();
  } catch {
    await manager.removeUser();
  }
}

export function useAuth() {
  return {
    state: readonly(state),
    displayName: computed(() => state.me?.name || state.me?.username || ''),
    login,
    logout,
  };
}
