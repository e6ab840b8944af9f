// Shared set-up of the browser tests: Debian's Chromium through playwright-core (never a browser download),
// one browser per test file, phone-sized pages that leave a screenshot when a test fails.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const PORTAL_URL = (process.env.PORTAL_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const OUT_DIR = fileURLToPath(new URL('../target/e2e/', import.meta.url));
export const MOBILE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 800 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser;

/** Starts Chromium before the file's tests and closes it after them. */
export function useBrowser() {
  before(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
  });
}

/** A fresh page (phone-sized unless told); saves a screenshot of it when the test body throws. */
export async function withPage(name, body, viewport = MOBILE) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await body(page, pageErrors);
  } catch (error) {
    await page.screenshot({ path: `${OUT_DIR}${name}-failure.png`, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

export async function assertNoHorizontalScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling ${where} (overflow ${overflow}px)`);
}

/** A page of its own context (its own login), for tests that need several users; `close` ends it. */
export async function newPage(name, viewport = MOBILE) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    page,
    pageErrors,
    close: async (failed = false) => {
      if (failed) await page.screenshot({ path: `${OUT_DIR}${name}-failure.png`, fullPage: true }).catch(() => {});
      await context.close();
    },
  };
}
