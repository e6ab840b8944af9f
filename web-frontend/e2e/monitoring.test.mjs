// "Policy finds people" (#9) in the browser, with real Keycloak logins (KEYCLOAK_E2E=1): caseworker1 imports a CSV
// of signals (a bad file first: its problems by line, nothing imported), finds the warning in the queue of its
// township 140105001, records a home visit and invites the household; resident2 (real-name bound to the signal's
// person, as in the family test) reads the invitation on My applications, looks at the opt-out confirmation,
// opens the prefilled draft and submits it; caseworker1's monitoring dashboard shows the loop: invited and applied.
// axe-core checks each new screen; screenshots go to target/e2e/monitoring-*.png.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DESKTOP, MOBILE, OUT_DIR, PORTAL_URL, assertNoHorizontalScroll, newPage, useBrowser } from './browser.mjs';
import { assertAccessible, keycloakLogin, nationalId } from './fixtures.mjs';

useBrowser();

const skip = process.env.KEYCLOAK_E2E === '1' ? false : 'set KEYCLOAK_E2E=1 with the backend and Keycloak running';
const REALM = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';
// resident2's real-name identity (the family test binds the same one, so both tests can share a database).
const PERSON_ID = nationalId('1990-02-03', 77);
const PERSON_NAME = '王芳';
const TOWNSHIP = '140105001';
const RUN = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
const shared = { intakeId: '' };

async function shot(page, name) {
  await page.screenshot({ path: `${OUT_DIR}monitoring-${name}.png`, fullPage: true });
}

async function token(username) {
  const answer = await fetch(`${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'portal-cli', username, password: 'demo1234' }),
  });
  assert.ok(answer.ok, `login of ${username}: HTTP ${answer.status}`);
  return (await answer.json()).access_token;
}

async function call(bearer, method, path, body) {
  const answer = await fetch(PORTAL_URL + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : null };
}

async function next(page) {
  const before = await page.getByTestId('step-title').textContent();
  await page.getByTestId('next').click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="step-title"]')?.textContent !== text,
    before,
    { timeout: 20_000 },
  );
}

function daysAgo(n) {
  const d = new Date(Date.now() - n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const HEADER = 'source,signalId,type,nationalId,name,regionCode,occurredOn,amount,disabilityGrade,program';
const csv = (rows) => ({ name: 'signals.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n') + '\n', 'utf8') });

after(async () => {
  // leave no application in progress behind, so that the next run can invite the person again
  if (!shared.intakeId || skip) return;
  const bearer = await token('resident2').catch(() => null);
  if (bearer) await call(bearer, 'POST', `/api/v1/intakes/${shared.intakeId}/withdrawal`).catch(() => {});
});

test('a CSV of signals becomes a warning, the household is invited, submits the prefilled draft, the loop closes', { timeout: 300_000, skip }, async () => {
  // The person has an account: resident2, real-name bound to the id the agency's file names (harmless if already).
  const resident = await token('resident2');
  const bound = await call(resident, 'PUT', '/api/v1/me/real-name', { nationalId: PERSON_ID, name: PERSON_NAME });
  assert.ok(bound.status === 200 || bound.status === 409, `real-name binding of resident2: ${bound.status} ${JSON.stringify(bound.body)}`);
  // One application in progress at most: an earlier failed run's is withdrawn first.
  const mine = await call(resident, 'GET', '/api/v1/intakes');
  for (const intake of mine.body?.items ?? mine.body ?? []) {
    if (intake.status === 'ACTIVE') await call(resident, 'POST', `/api/v1/intakes/${intake.id}/withdrawal`);
  }

  const staff = await newPage('monitoring-caseworker', DESKTOP);
  const home = await newPage('monitoring-resident', MOBILE);
  let failed = false;
  try {
    // 1. The CSV import: a bad file is refused whole, its problems listed by line in plain words.
    await staff.page.goto(`${PORTAL_URL}/staff/monitoring/import`);
    await keycloakLogin(staff.page, 'caseworker1', 'monitoring-login');
    await staff.page.getByTestId('signal-file').waitFor({ timeout: 20_000 });
    await assertAccessible(staff.page, 'on the signal import');
    await staff.page.getByTestId('signal-file').setInputFiles([
      csv([
        `MEDICAL_INSURANCE,E2E-${RUN}-BAD1,MEDICAL_BILL,14010519900203077,${PERSON_NAME},${TOWNSHIP},${daysAgo(5)},40000,,`,
        `MEDICAL_INSURANCE,E2E-${RUN}-BAD2,MEDICAL_BILL,${PERSON_ID},${PERSON_NAME},${TOWNSHIP},${daysAgo(5)},,,`,
      ]),
    ]);
    await staff.page.getByTestId('signal-import').click();
    const problems = staff.page.getByTestId('import-problems');
    await problems.waitFor({ timeout: 20_000 });
    assert.match(await problems.textContent(), /一条都没有导入/);
    const lines = await problems.locator('[data-testid="import-line"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    assert.deepEqual(lines, ['2', '3'], 'each bad row is named by its line');
    await assertAccessible(staff.page, 'on the signal import with problems');
    await shot(staff.page, 'import-problems');

    // the good file: one signal of the person, a large out-of-pocket medical bill
    await staff.page.getByTestId('signal-file').setInputFiles([
      csv([`MEDICAL_INSURANCE,E2E-${RUN},MEDICAL_BILL,${PERSON_ID},${PERSON_NAME},${TOWNSHIP},${daysAgo(5)},40000,,`]),
    ]);
    await staff.page.getByTestId('signal-import').click();
    const result = staff.page.getByTestId('import-result');
    await result.waitFor({ timeout: 20_000 });
    assert.match(await result.textContent(), /新增 1 条/);
    assert.match(await result.textContent(), /产生 1 条预警/);
    assert.doesNotMatch(await staff.page.locator('#app').innerHTML(), new RegExp(PERSON_ID), 'the id comes back masked');
    await shot(staff.page, 'import-done');

    // 2. The warning queue of the township: level, masked person, reason.
    await result.getByTestId('import-to-queue').click();
    await staff.page.waitForURL(/\/staff\/monitoring$/);
    const masked = `${PERSON_ID.slice(0, 4)}**********${PERSON_ID.slice(-4)}`;
    const row = staff.page.locator('[data-testid="warning-row"]', { hasText: masked }).first();
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.textContent(), /大额自付医疗费用/);
    await assertAccessible(staff.page, 'on the warning queue');
    await shot(staff.page, 'queue');

    // 3. The warning: a home visit, then the invitation.
    await row.getByTestId('warning-open').click();
    await staff.page.waitForURL(/\/staff\/monitoring\/warnings\/[0-9a-f-]{36}$/);
    await staff.page.getByTestId('warning-detail').waitFor({ timeout: 20_000 });
    await staff.page.getByTestId('visit-submit').click();
    await staff.page.locator('#visit-outcome-error').waitFor();
    await assertAccessible(staff.page, 'on the warning with a visit error');
    await staff.page.selectOption('#visit-outcome', 'IN_DIFFICULTY');
    await staff.page.fill('#visit-note', '独居，医疗费负担重');
    await staff.page.getByTestId('visit-submit').click();
    await staff.page.locator('[data-testid="warning-detail"][data-status="VISITED"]').waitFor({ timeout: 20_000 });
    await staff.page.getByTestId('invite').click();
    await staff.page.locator('[data-testid="warning-detail"][data-status="INVITED"]').waitFor({ timeout: 20_000 });
    assert.match(await staff.page.getByTestId('warning-notice').textContent(), /已邀请/);
    assert.match(await staff.page.getByTestId('invitation-bound').textContent(), /已实名登录/);
    await assertAccessible(staff.page, 'on the invited warning');
    await shot(staff.page, 'warning-invited');

    // 4. The resident: the invitation on My applications, the opt-out confirmation (cancelled), the prefilled draft.
    await home.page.goto(`${PORTAL_URL}/applications`);
    await keycloakLogin(home.page, 'resident2', 'applications-login');
    const invitation = home.page.getByTestId('invitation').first();
    await invitation.waitFor({ timeout: 30_000 });
    assert.match(await invitation.getByTestId('invitation-why').textContent(), /医保/);
    assert.match(await invitation.getByTestId('invitation-programs').textContent(), /医疗救助/);
    await invitation.getByTestId('invitation-opt-out').click();
    assert.match(await invitation.getByTestId('opt-out-text').textContent(), /180 天内不会再/);
    await assertAccessible(home.page, 'on the invitation with the opt-out confirmation');
    await assertNoHorizontalScroll(home.page, 'on the invitation at 360 px');
    await shot(home.page, 'invitation');
    await invitation.getByTestId('opt-out-no').click();
    await home.page.getByTestId('lang-switch').click();
    await home.page.getByRole('heading', { name: 'You are invited to apply for assistance' }).waitFor();
    await shot(home.page, 'invitation-en');
    await home.page.getByTestId('lang-switch').click();
    await home.page.getByRole('heading', { name: '工作人员邀请您申请救助' }).waitFor();
    // senior mode (长辈模式): larger text, still readable at 360 px and accessible
    await home.page.getByTestId('elderly-toggle').click();
    await assertAccessible(home.page, 'on the invitation in senior mode');
    await assertNoHorizontalScroll(home.page, 'on the invitation in senior mode at 360 px');
    await shot(home.page, 'invitation-senior');
    await home.page.getByTestId('elderly-toggle').click();
    await invitation.getByTestId('invitation-open').click();
    await home.page.waitForURL((url) => url.pathname === '/apply' && !url.search, { timeout: 20_000 });
    // 1 applicant: prefilled name and masked id; the resident adds the phone and address
    await home.page.getByTestId('step-title').waitFor({ timeout: 20_000 });
    assert.equal(await home.page.inputValue('#apply-applicant-name'), PERSON_NAME);
    assert.match(await home.page.inputValue('#apply-applicant-nationalId'), /^1401\*{10}[\dX]{4}$/);
    await home.page.fill('#apply-applicant-phone', '13900002222');
    await home.page.fill('#apply-applicant-address', '太原市小店区北营街道 7 号');
    await shot(home.page, 'draft-applicant');
    await next(home.page); // region
    await next(home.page); // members
    await next(home.page); // money: the bill from the signal is there
    assert.equal(await home.page.getByLabel('近 12 个月看病自己花的钱（元）').inputValue(), '40000');
    await next(home.page); // situation
    await home.page.fill('#apply-situation', '看病花了很多钱，家里困难。').catch(() => {});
    await next(home.page); // review
    await home.page.getByTestId('may-get').waitFor({ timeout: 20_000 });
    await next(home.page); // documents
    await next(home.page); // submit
    await home.page.getByLabel('我已阅读并同意').check();
    await home.page.getByTestId('next').click();
    const number = home.page.getByTestId('intake-number');
    await number.waitFor({ timeout: 30_000 });
    assert.match((await number.textContent()).trim(), /^JZ-140105-\d{4}-\d{6}$/);
    const intakes = await call(resident, 'GET', '/api/v1/intakes');
    shared.intakeId = (intakes.body?.items ?? intakes.body ?? []).find((i) => i.status === 'ACTIVE')?.id ?? '';
    const stored = await home.page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.doesNotMatch(stored, /\d{6}(19|20)\d{2}|王芳|13900002222/, 'no personal data in the browser storage');
    await shot(home.page, 'submitted');

    // 5. The caseworker's dashboard: the township's loop shows the invitation and the application.
    await staff.page.getByTestId('nav-monitoring-dashboard').click();
    const township = staff.page.locator(`[data-testid="dash-row"][data-region="${TOWNSHIP}"]`);
    await township.waitFor({ timeout: 20_000 });
    assert.ok(Number(await township.locator('[data-col="invited"]').textContent()) >= 1, 'invited');
    assert.ok(Number(await township.locator('[data-col="applied"]').textContent()) >= 1, 'applied');
    assert.match(await staff.page.getByTestId('dash-summary').textContent(), /户已申请/);
    await assertAccessible(staff.page, 'on the monitoring dashboard');
    await shot(staff.page, 'dashboard');
    await staff.page.getByTestId('lang-switch').click();
    await staff.page.getByRole('heading', { name: 'Policy-finds-people dashboard' }).waitFor();
    await shot(staff.page, 'dashboard-en');
    await staff.page.getByTestId('lang-switch').click();

    // The direct grant form: checked in the page before anything is sent.
    await staff.page.getByTestId('mon-nav-grant').click();
    await staff.page.getByTestId('grant-submit').click();
    await staff.page.locator('#grant-id-error').waitFor();
    await assertAccessible(staff.page, 'on the direct grant form with errors');
    await shot(staff.page, 'grant-errors');

    assert.deepEqual(staff.pageErrors, [], 'no uncaught errors on the staff screens');
    assert.deepEqual(home.pageErrors, [], 'no uncaught errors on the resident screens');
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await staff.close(failed);
    await home.close(failed);
  }
});
