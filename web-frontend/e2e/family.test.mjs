// Family delegation, the no-account status query and the inbox in the browser, with real Keycloak logins
// (KEYCLOAK_E2E=1). resident1's application is set up through the API (the journey test covers applying);
// resident1 lets resident2 follow it on My applications; resident2 sees the status on /family with no id number;
// a family member without an account reads it with the one-time code the SMS simulator recorded; resident1 sets
// "call me back" in the inbox. axe-core checks each screen; screenshots (phone and desktop) go to target/e2e/.
// Needs the backend's SMS provider to be a platform simulator the test can read: SIM_URL (default
// http://127.0.0.1:8089, the one infra/bin/run-local starts; the backend's ASSISTANCE_SMS_URL must point to it).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DESKTOP, MOBILE, OUT_DIR, PORTAL_URL, assertNoHorizontalScroll, newPage, useBrowser, withPage } from './browser.mjs';
import { assertAccessible, keycloakLogin, nationalId, pngPhoto } from './fixtures.mjs';

useBrowser();

const skip = process.env.KEYCLOAK_E2E === '1' ? false : 'set KEYCLOAK_E2E=1 with the backend and Keycloak running';
const REALM = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';
const SIM_URL = (process.env.SIM_URL ?? 'http://127.0.0.1:8089').replace(/\/+$/, '');
// A new applicant and phone each run: one person may have only one application in progress.
const sequence = 100 + Math.floor(Math.random() * 800);
const APPLICANT_ID = nationalId('1958-07-01', sequence);
const PHONE = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
// resident2 is real-name bound to this person (on /family the first time; the same again is harmless).
const DELEGATE_ID = nationalId('1990-02-03', 77);
const DELEGATE_NAME = '王芳';
const ID_NUMBER = /\d{17}[\dX]/;
const shared = { intakeId: '', intakeNumber: '' };

async function shot(page, name) {
  await page.screenshot({ path: `${OUT_DIR}${name}.png`, fullPage: true });
}

async function token(username) {
  const answer = await fetch(`${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'portal-cli', username, password: 'demo1234' }),
  });
  assert.ok(answer.ok, `login of ${username}: HTTP ${answer.status}`);
  return (await answer.json()).access_token;
}

async function call(bearer, method, path, body, headers = {}) {
  const answer = await fetch(PORTAL_URL + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  assert.ok(answer.ok, `${method} ${path}: HTTP ${answer.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The newest one-time code the simulator recorded for the phone, after `before` texts. */
async function codeSentTo(phone, before) {
  for (let i = 0; i < 40; i++) {
    const answer = await fetch(`${SIM_URL}/sim/sms?phone=${encodeURIComponent(phone)}`);
    const texts = answer.ok ? await answer.json() : [];
    const codes = texts.slice(before).map((t) => /(?<!\d)(\d{6})(?!\d)/.exec(t)?.[1]).filter(Boolean);
    if (codes.length) return codes.at(-1);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no code texted to the test phone (is the backend's SMS provider the simulator at ${SIM_URL}?)`);
}

async function smsCount(phone) {
  const answer = await fetch(`${SIM_URL}/sim/sms?phone=${encodeURIComponent(phone)}`).catch(() => null);
  return answer?.ok ? (await answer.json()).length : 0;
}

async function assertNoIdNumber(page, where) {
  const html = await page.locator('#app').innerHTML(); // the page, not the axe-core script the check adds
  assert.doesNotMatch(html, ID_NUMBER, `no id number ${where}`);
  assert.ok(!html.includes(APPLICANT_ID.slice(6, 14)), `not even the applicant's birth digits ${where}`);
  assert.doesNotMatch(page.url(), /\d{6}/, `nothing personal in the address ${where}`);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.doesNotMatch(stored, /\d{6}|JZ-/, `no id or intake number in localStorage ${where}`);
}

const member = (id, relationship, birthDate, extra = {}) => ({
  id, relationship, birthDate, disabilityGrade: null, seriousIllness: false, schooling: 'NONE',
  employment: 'NOT_IN_LABOUR_FORCE', monthlyIncome: 0, parentsUnableToRaise: false, ...extra,
});

after(async () => {
  // leave no application in progress behind
  if (!shared.intakeId || skip) return;
  const bearer = await token('resident1').catch(() => null);
  if (bearer) await call(bearer, 'POST', `/api/v1/intakes/${shared.intakeId}/withdrawal`).catch(() => {});
});

test('a resident lets a family member follow the application; the delegate sees the status but no id number', { timeout: 180_000, skip }, async () => {
  const resident1 = await token('resident1');
  const apply = async (nationalIdNumber, birthDate) => {
    const draft = await call(resident1, 'POST', '/api/v1/drafts', {
      household: {
        regionCode: '140105', hukou: 'RURAL', asOf: null, members: [member('m1', 'APPLICANT', birthDate, { disabilityGrade: 2 })],
        assets: { financialAssets: 0, nonEssentialVehicles: 0, ownedHomes: 1 },
        rigidExpenditure12m: { medical: 0, education: 0 }, hasAbleSupporter: false, housing: 'ADEQUATE', suddenEvent: null,
      },
      chosenPrograms: null, situation: '独居，腿脚不便。',
      applicant: { name: '赵桂兰', nationalId: nationalIdNumber, phone: PHONE, address: '太原市小店区北营街道 9 号' },
    });
    return call(resident1, 'POST', '/api/v1/intakes', { draftId: draft.id, consent: true }, { 'Idempotency-Key': crypto.randomUUID() });
  };
  // An older application first (withdrawn at once), so that My applications has a second page to load.
  const older = await apply(nationalId('1957-06-01', sequence), '1957-06-01');
  await call(resident1, 'POST', `/api/v1/intakes/${older.id}/withdrawal`);
  const intake = await apply(APPLICANT_ID, '1958-07-01');
  shared.intakeId = intake.id;
  shared.intakeNumber = intake.intakeNumber;
  // caseworker1 (civil affairs) accepts the special-hardship case and asks for a document, which the delegate sends.
  const caseworker = await token('caseworker1');
  const hardship = intake.cases.find((c) => c.program === 'SPECIAL_HARDSHIP');
  assert.ok(hardship, 'the application includes special hardship support');
  const move = async (body) => {
    const current = await call(caseworker, 'GET', `/api/v1/cases/${hardship.id}`);
    await call(caseworker, 'POST', `/api/v1/cases/${hardship.id}/transitions`, body, { 'If-Match': String(current.version) });
  };
  await move({ to: 'ACCEPTED' });
  await move({ to: 'RETURNED', documents: ['INCOME_PROOF'], note: '请补充近 6 个月的收入证明' });

  const family = await newPage('family-delegate', MOBILE);
  const owner = await newPage('family-grant', DESKTOP);
  let failed = false;
  try {
    // The family member logs in on /family and confirms who they are (real-name binding) the first time.
    await family.page.goto(`${PORTAL_URL}/family`);
    await assertAccessible(family.page, 'on /family before the login');
    await shot(family.page, 'family-anonymous');
    await keycloakLogin(family.page, 'resident2', 'family-login');
    await family.page.waitForSelector('[data-testid="realname-form"], [data-testid="no-received"], [data-testid^="delegated-"]', { timeout: 20_000 });
    if (await family.page.getByTestId('realname-form').isVisible()) {
      await family.page.getByTestId('realname-submit').click();
      await family.page.getByTestId('family-realname-name-error').waitFor();
      await assertAccessible(family.page, 'on the real-name form with errors');
      await shot(family.page, 'family-realname-error');
      await family.page.fill('#family-realname-name', DELEGATE_NAME);
      await family.page.fill('#family-realname-nationalId', DELEGATE_ID);
      await family.page.getByTestId('realname-submit').click();
      await family.page.getByTestId('realname-form').waitFor({ state: 'detached', timeout: 20_000 });
    }

    // The applicant grants it from My applications.
    // Pages of one application each: the backend's Link rel="next" brings the older one on "show more".
    const firstPage = (url) => url.pathname === '/api/v1/intakes' && !url.search;
    await owner.page.route(firstPage, (route) => route.continue({ url: `${route.request().url()}?limit=1` }));
    await owner.page.goto(`${PORTAL_URL}/applications`);
    await keycloakLogin(owner.page, 'resident1', 'applications-login');
    const card = owner.page.getByTestId(`intake-${shared.intakeNumber}`);
    await card.waitFor({ timeout: 30_000 });
    assert.equal(await owner.page.getByTestId(`intake-${older.intakeNumber}`).count(), 0, 'the older one is on page 2');
    await owner.page.getByTestId('applications-more').click();
    await owner.page.getByTestId(`intake-${older.intakeNumber}`).waitFor({ timeout: 20_000 });
    await owner.page.unroute(firstPage);
    const panel = card.getByTestId('delegations');
    await panel.locator('summary').click();
    await panel.locator('[data-testid="no-delegations"], [data-testid="delegation"]').first().waitFor({ timeout: 20_000 });
    // checked in the page: a wrong phone is shown next to its field and gets the focus
    await panel.getByTestId('grant-nationalId').fill(DELEGATE_ID);
    await panel.getByTestId('grant-phone').fill('12345');
    await panel.getByTestId('grant').click();
    const phoneError = panel.locator('[data-testid$="-phone-error"]');
    await phoneError.waitFor();
    assert.match(await phoneError.textContent(), /11 位手机号/);
    assert.equal(await owner.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'grant-phone');
    // answered by the server (409 problem+json): nobody registered with that id, in plain words
    await panel.getByTestId('grant-nationalId').fill(nationalId('1991-04-05', 5));
    await panel.getByTestId('grant-phone').fill('13912345678');
    await panel.getByTestId('grant').click();
    await panel.getByTestId('grant-message').waitFor({ timeout: 20_000 });
    assert.match(await panel.getByTestId('grant-message').textContent(), /请家人先登录本网站并完成实名认证/);
    await assertAccessible(owner.page, 'on the delegation form with a server error');
    // the real grant
    await panel.getByTestId('grant-nationalId').fill(DELEGATE_ID);
    await panel.getByTestId('scope-UPLOAD_DOCUMENTS').check();
    await panel.getByTestId('grant').click();
    const granted = panel.locator('[data-testid="delegation"][data-status="ACTIVE"]');
    await granted.waitFor({ timeout: 20_000 });
    assert.match(await granted.textContent(), /1401\*{10}[\dX]{4}/, 'the delegate id comes back masked');
    assert.match(await granted.textContent(), /王\*/, 'the delegate name comes back masked');
    await assertAccessible(owner.page, 'on My applications with the delegation list');
    await granted.scrollIntoViewIfNeeded();
    await shot(owner.page, 'family-grant-desktop');
    await owner.page.setViewportSize(MOBILE);
    await assertNoHorizontalScroll(owner.page, 'on the delegation form at 360 px');
    await shot(owner.page, 'family-grant');

    // The family member sees the status, masked: no id number anywhere on the page.
    await family.page.reload();
    const delegated = family.page.getByTestId(`delegated-${shared.intakeNumber}`);
    await delegated.getByTestId('status-summary').waitFor({ timeout: 30_000 });
    assert.match(await delegated.getByTestId('status-applicant').textContent(), /赵\*/, 'the applicant name is masked');
    assert.match(await delegated.getByTestId('delegated-scope').textContent(), /帮忙交材料/);
    assert.ok(await delegated.getByTestId('case-step').first().isVisible(), 'a program step is shown');
    // the scope allows uploads: the requested document goes up from the family member's phone
    await delegated.getByTestId('todo-DOCUMENTS_REQUESTED').waitFor();
    await delegated.getByTestId('file-INCOME_PROOF').setInputFiles([{ name: 'income.png', mimeType: 'image/png', buffer: pngPhoto(320, 240, [60, 140, 90], 3) }]);
    await delegated.locator('[data-testid="upload-row"][data-state="done"]').waitFor({ timeout: 30_000 });
    await family.page.waitForSelector('[data-testid="doc-INCOME_PROOF"][data-status="UPLOADED"]', { timeout: 20_000 });
    await assertNoIdNumber(family.page, 'on /family');
    await assertNoHorizontalScroll(family.page, 'on /family at 360 px');
    await assertAccessible(family.page, 'on /family with a delegated application');
    await shot(family.page, 'family-delegate');
    await family.page.setViewportSize(DESKTOP);
    await shot(family.page, 'family-delegate-desktop');
    await family.page.getByTestId('lang-switch').click();
    await family.page.getByRole('heading', { name: 'Family status check' }).waitFor();
    await shot(family.page, 'family-delegate-desktop-en');
    await family.page.getByTestId('lang-switch').click();

    // Revoked: the family member no longer sees it.
    await owner.page.setViewportSize(DESKTOP);
    await granted.getByTestId('revoke').click();
    await granted.getByTestId('revoke-yes').click();
    await panel.locator('[data-testid="delegation"][data-status="REVOKED"]').first().waitFor({ timeout: 20_000 });
    await family.page.reload();
    await family.page.getByTestId('no-received').or(family.page.locator('[data-testid^="delegated-"]')).first().waitFor({ timeout: 20_000 });
    assert.equal(await family.page.getByTestId(`delegated-${shared.intakeNumber}`).count(), 0, 'gone after the revoke');
    assert.deepEqual(family.pageErrors, [], 'no uncaught errors on /family');
    assert.deepEqual(owner.pageErrors, [], 'no uncaught errors on My applications');
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await family.close(failed);
    await owner.close(failed);
  }
});

test('a family member without an account reads the status with a one-time code', { timeout: 120_000, skip }, async () => {
  assert.ok(shared.intakeNumber, 'the application was set up');
  await withPage('status-query', async (page, pageErrors) => {
    await page.goto(`${PORTAL_URL}/family`);
    await page.getByTestId('to-status-query').click();
    await page.waitForURL(/\/status-query$/);
    await page.getByTestId('query-start').click();
    await page.getByTestId('query-intakeNumber-error').waitFor();
    await page.getByTestId('query-idLast6-error').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'query-intakeNumber', 'the first wrong field gets the focus');
    await assertAccessible(page, 'on the status query with errors');
    await shot(page, 'status-query-errors');

    // A 429 is explained in plain words (the limit itself is the backend's, tested there).
    const start = (url) => url.pathname === '/api/v1/status-queries';
    await page.route(start, (route) => route.fulfill({
      status: 429, contentType: 'application/problem+json', headers: { 'Retry-After': '120' },
      body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429 }),
    }));
    await page.fill('#query-intakeNumber', shared.intakeNumber.toLowerCase());
    await page.fill('#query-idLast6', APPLICANT_ID.slice(-6));
    await page.getByTestId('query-start').click();
    await page.getByTestId('query-message').waitFor();
    assert.match(await page.getByTestId('query-message').textContent(), /查询太频繁了.*请过几分钟再试/);
    await shot(page, 'status-query-429');
    await page.unroute(start);

    const before = await smsCount(PHONE);
    await page.getByTestId('query-start').click();
    await page.getByTestId('code-sent').waitFor({ timeout: 20_000 });
    const code = await codeSentTo(PHONE, before);
    await page.fill('#query-code', String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByTestId('query-verify').click();
    await page.getByTestId('query-code-error').waitFor({ timeout: 20_000 });
    assert.match(await page.locator('#query-code-hint').textContent(), /还可以再试 4 次/);
    await assertAccessible(page, 'on the code step with a wrong code');
    await shot(page, 'status-query-code');
    await page.fill('#query-code', code);
    await page.press('#query-code', 'Enter'); // the keyboard sends the form too
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 20_000 });
    const status = page.getByTestId('query-status');
    await status.waitFor({ timeout: 20_000 });
    assert.match(await status.textContent(), new RegExp(shared.intakeNumber));
    assert.match(await status.getByTestId('status-applicant').textContent(), /赵\*/);
    assert.ok(await status.getByTestId('case-step').first().isVisible(), 'a program step is shown');
    await assertNoIdNumber(page, 'on the status query');
    assert.doesNotMatch(page.url(), /JZ-/, 'no intake number in the address');
    await assertNoHorizontalScroll(page, 'on the status query at 360 px');
    await assertAccessible(page, 'on the status query result');
    await shot(page, 'status-query');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'status-query-desktop');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  }, MOBILE);
});

test('the resident reads the inbox and asks to be called back, in senior mode', { timeout: 90_000, skip }, async () => {
  await withPage('inbox', async (page, pageErrors) => {
    await page.goto(`${PORTAL_URL}/inbox`);
    await keycloakLogin(page, 'resident1', 'inbox-login');
    await page.getByTestId('inbox-link').waitFor();
    await page.waitForSelector('[data-testid="inbox-list"], [data-testid="inbox-empty"]', { timeout: 20_000 });
    const unreadItem = page.locator('[data-testid="inbox-item"][data-read="no"]').first();
    if (await unreadItem.count()) {
      const badge = Number(await page.getByTestId('unread-count').textContent().then((t) => t.replace(/\D/g, '')));
      await unreadItem.getByTestId('mark-read').click();
      await page.waitForFunction((n) => {
        const text = document.querySelector('[data-testid="unread-count"]')?.textContent ?? '0';
        return Number(text.replace(/\D/g, '')) === n - 1 || (n === 1 && !document.querySelector('[data-testid="unread-count"]'));
      }, badge, { timeout: 10_000 });
    }
    // older messages come with the cursor of the page before (20 a page)
    if (await page.getByTestId('inbox-more').count()) {
      const shown = await page.getByTestId('inbox-item').count();
      await page.getByTestId('inbox-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="inbox-item"]').length > n, shown, { timeout: 20_000 });
    }
    await assertAccessible(page, 'on the inbox');
    await assertNoHorizontalScroll(page, 'on the inbox at 360 px');
    await shot(page, 'inbox');

    // Senior mode: My applications offers the call-back, which leads to the preferences, open.
    await page.getByTestId('elderly-toggle').click();
    await page.goto(`${PORTAL_URL}/applications`);
    await page.getByTestId('callback-prompt').waitFor({ timeout: 20_000 });
    await assertAccessible(page, 'on My applications in senior mode with the call-back offer');
    await page.getByTestId('callback-prompt').getByRole('link').click();
    await page.waitForURL(/\/inbox$/);
    const prefs = page.getByTestId('preferences');
    await prefs.locator('form').waitFor();
    assert.equal(await prefs.evaluate((d) => d.open), true, 'the preferences are open in senior mode');
    await page.check('#prefs-callMeBack');
    await page.fill('#prefs-callbackFrom', '11:00');
    await page.fill('#prefs-callbackTo', '09:00');
    await page.getByTestId('prefs-save').click();
    await page.getByText('结束要晚于开始').waitFor();
    await page.fill('#prefs-callbackFrom', '09:00');
    await page.fill('#prefs-callbackTo', '11:30');
    await page.getByTestId('prefs-save').click();
    await page.getByTestId('prefs-saved').waitFor({ timeout: 20_000 });
    await assertAccessible(page, 'on the inbox in senior mode');
    await assertNoHorizontalScroll(page, 'on the inbox in senior mode');
    await shot(page, 'inbox-elderly');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'inbox-elderly-desktop');
    // the choice is on the server: a reload shows it
    await page.reload();
    await page.locator('#prefs-callMeBack').waitFor({ timeout: 20_000 });
    assert.equal(await page.isChecked('#prefs-callMeBack'), true);
    assert.equal(await page.inputValue('#prefs-callbackFrom'), '09:00');
    // back to the default, so other tests' notifications create no call-back tasks
    await page.uncheck('#prefs-callMeBack');
    await page.getByTestId('prefs-save').click();
    await page.getByTestId('prefs-saved').waitFor({ timeout: 20_000 });
    await page.getByTestId('elderly-toggle').click();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  }, MOBILE);
});
