import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick, type App as VueApp } from 'vue';
import { createMemoryHistory } from 'vue-router';

const ZH_TITLE = '一次申请，应享尽享';
const EN_TITLE = 'Apply once, get every kind of help you qualify for';

beforeEach(() => {
  localStorage.clear();
  document.documentElement.lang = '';
  vi.resetModules();
});

describe('i18n', () => {
  it('starts in zh-CN and switches to English and back', async () => {
    const { t, useI18n, initLocale } = await import('./i18n');
    initLocale();
    expect(useI18n().locale.value).toBe('zh-CN');
    expect(t('home.title')).toBe(ZH_TITLE);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('一站式社会救助');

    useI18n().toggleLocale();
    expect(t('home.title')).toBe(EN_TITLE);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('assistance.locale')).toBe('en');

    useI18n().toggleLocale();
    expect(t('home.title')).toBe(ZH_TITLE);
  });

  it('fills placeholders', async () => {
    const { t, setLocale } = await import('./i18n');
    expect(t('auth.greeting', { name: '张三' })).toBe('您好，张三');
    setLocale('en');
    expect(t('auth.greeting', { name: 'Zhang San' })).toBe('Hello, Zhang San');
  });

  it('remembers the choice and ignores unknown stored values', async () => {
    localStorage.setItem('assistance.locale', 'en');
    expect((await import('./i18n')).t('auth.login')).toBe('Log in');

    vi.resetModules();
    localStorage.setItem('assistance.locale', 'fr');
    expect((await import('./i18n')).t('auth.login')).toBe('登录');
  });

  it('has every key in every locale', async () => {
    const { messages } = await import('./messages');
    const zhKeys = Object.keys(messages['zh-CN']).sort();
    expect(Object.keys(messages.en).sort()).toEqual(zhKeys);
    for (const text of Object.values(messages.en)) expect(text.trim()).not.toBe('');
  });
});

describe('language switch in the page', () => {
  let app: VueApp | undefined;

  afterEach(() => {
    app?.unmount();
    document.body.innerHTML = '';
  });

  it('changes the home heading when the switch is clicked', async () => {
    const { default: App } = await import('./App.vue');
    const { createAppRouter } = await import('./router');
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    await router.isReady();
    const root = document.createElement('div');
    document.body.append(root);
    app = createApp(App).use(router);
    app.mount(root);

    const heading = () => root.querySelector('h1')?.textContent?.trim();
    expect(heading()).toBe(ZH_TITLE);
    const button = root.querySelector<HTMLButtonElement>('[data-testid="lang-switch"]');
    expect(button?.textContent?.trim()).toBe('English');

    button?.click();
    await nextTick();
    expect(heading()).toBe(EN_TITLE);
    expect(button?.textContent?.trim()).toBe('中文');
    expect(root.querySelector('[data-testid="card-calculator"]')?.textContent).toContain('Policy calculator');
  });
});
