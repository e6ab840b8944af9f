// The policy calculator in Debian's Chromium against the real backend (PORTAL_URL).
// Run: PORTAL_URL=http://127.0.0.1:8080 npm run test:e2e
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, MOBILE, OUT_DIR, PORTAL_URL, assertNoHorizontalScroll, useBrowser, withPage } from './browser.mjs';

useBrowser();

async function stepTitle(page) {
  return (await page.getByTestId('step-title').textContent())?.trim();
}

async function next(page, expectedTitle) {
  await page.getByTestId('next').click();
  await page.waitForFunction((title) => document.querySelector('[data-testid="step-title"]')?.textContent?.trim() === title,
    expectedTitle, { timeout: 5_000 });
}

/** Worked example A of programs-spec.md, typed in step by step; leaves the page on the last step. */
async function fillExampleA(page, shots = false) {
  await page.goto(`${PORTAL_URL}/calculator`);
  await page.getByTestId('step-title').waitFor();
  assert.equal(await stepTitle(page), '住在哪里');
  await page.getByLabel('所在地区').selectOption('140105');
  await page.getByLabel('城镇户口').check();
  if (shots) await page.screenshot({ path: `${OUT_DIR}calculator-1-region.png`, fullPage: true });
  await next(page, '家里有哪些人');

  // Leaving the birth date empty shows the message next to it, and the step does not change.
  await page.getByTestId('next').click();
  const birthError = page.getByTestId('calc-members-0-birthDate-error');
  await birthError.waitFor();
  assert.equal((await birthError.textContent())?.trim(), '请选择日期');
  assert.equal(await stepTitle(page), '家里有哪些人');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'calc-members-0-birthDate', 'focus goes to the field');

  await page.locator('#calc-members-0-birthDate').fill('1986-03-01');
  assert.equal(await birthError.count(), 0, 'the message goes away once the date is filled in');
  await page.locator('#calc-members-0-employment').selectOption('UNEMPLOYED');
  await page.getByTestId('add-member').click();
  assert.equal(await page.locator('#calc-members-1-relationship').inputValue(), 'SPOUSE');
  await page.locator('#calc-members-1-birthDate').fill('1988-05-01');
  await page.locator('#calc-members-1-employment').selectOption('EMPLOYED');
  await page.getByLabel('每月收入（元）').nth(1).fill('900');
  await page.getByTestId('add-member').click();
  await page.locator('#calc-members-2-relationship').selectOption('CHILD');
  await page.locator('#calc-members-2-birthDate').fill('2016-06-01');
  await page.locator('#calc-members-2-schooling').selectOption('PRIMARY');
  await page.locator('#calc-members-2-employment').selectOption('NOT_IN_LABOUR_FORCE');
  assert.ok(await page.getByLabel('父母都没法抚养这个孩子').isVisible(), 'the question for children under 18 is shown');
  if (shots) {
    await assertNoHorizontalScroll(page, 'on the members step at 360 px');
    await page.screenshot({ path: `${OUT_DIR}calculator-2-members.png`, fullPage: true });
  }
  await next(page, '家庭财产和大额支出');
  if (shots) await page.screenshot({ path: `${OUT_DIR}calculator-3-money.png`, fullPage: true });
  await next(page, '其他情况');
  assert.ok(await page.getByLabel('有房住，住得还可以').isChecked());
  assert.ok(await page.getByRole('radio', { name: '没有', exact: true }).isChecked());
  if (shots) await page.screenshot({ path: `${OUT_DIR}calculator-4-situation.png`, fullPage: true });
}

test('calculator at 360 px: worked example A, result grouped by verdict, edit keeps the answers', { timeout: 90_000 }, async () => {
  await withPage('calculator', async (page, pageErrors) => {
    const bodies = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/screenings') && request.method() === 'POST') bodies.push(request.postDataJSON());
    });
    await fillExampleA(page, true);
    await page.getByTestId('next').click();

    const mayGet = page.getByTestId('may-get');
    await mayGet.waitFor({ timeout: 15_000 });
    assert.equal(bodies.length, 1);
    const body = bodies[0];
    assert.deepEqual(body.members.map((m) => m.id), ['m1', 'm2', 'm3']);
    assert.equal(body.members[1].monthlyIncome, 900);
    assert.equal(body.members[0].disabilityGrade, null);
    assert.equal(body.suddenEvent, null);
    assert.ok(!('asOf' in body), 'asOf is left out');

    const mla = page.getByTestId('program-MINIMUM_LIVING_ALLOWANCE');
    const mlaText = await mla.textContent();
    assert.match(mlaText, /最低生活保障/);
    assert.match(mlaText, /约 1107 元/);
    assert.match(mlaText, /每月/);
    assert.match(mlaText, /需要准备的材料/);
    assert.match(await page.getByTestId('program-EDUCATION_ASSISTANCE').textContent(), /教育救助[\s\S]*约 100 元[\s\S]*每月/);
    const employment = await page.getByTestId('program-EMPLOYMENT_ASSISTANCE').textContent();
    assert.match(employment, /就业救助/);
    assert.doesNotMatch(employment, /约 0 元/, 'an estimate of 0 is left out');
    assert.equal(await mayGet.locator('article').count(), 3, 'three programs may be got');
    const mayGetOrder = await mayGet.locator('article').evaluateAll((cards) => cards.map((c) => c.dataset.testid));
    assert.deepEqual(mayGetOrder, ['program-MINIMUM_LIVING_ALLOWANCE', 'program-EDUCATION_ASSISTANCE', 'program-EMPLOYMENT_ASSISTANCE']);
    await assertNoHorizontalScroll(page, 'on the result at 360 px');
    await page.screenshot({ path: `${OUT_DIR}calculator-5-result.png`, fullPage: true });

    const notEligible = page.getByTestId('not-eligible');
    assert.match(await notEligible.locator('summary').textContent(), /暂不符合的项目（10 项）/);
    await notEligible.locator('summary').click();
    const special = notEligible.getByTestId('program-SPECIAL_HARDSHIP');
    assert.ok(await special.isVisible());
    assert.match(await special.textContent(), /特困/);
    assert.ok((await special.locator('.reasons li').count()) > 0, 'a not-eligible program says why');
    assert.ok((await notEligible.getByText('怎样才能符合').count()) > 0, 'and what would change it');
    await assertNoHorizontalScroll(page, 'with the not-eligible list open at 360 px');
    await page.screenshot({ path: `${OUT_DIR}calculator-6-result-all.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${OUT_DIR}calculator-7-result-desktop.png`, fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Minimum living allowance').first().waitFor();
    assert.match(await mla.textContent(), /about 1,107 yuan[\s\S]*a month/);
    await page.screenshot({ path: `${OUT_DIR}calculator-8-result-desktop-en.png`, fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
    await page.setViewportSize(MOBILE);

    // Nothing personal in the address or in storage.
    assert.equal(new URL(page.url()).search, '');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /1986-03-01|900/);

    // 修改信息 goes back to the questions with the answers kept.
    await page.getByRole('button', { name: '修改信息' }).click();
    await page.getByTestId('step-title').waitFor();
    assert.equal(await stepTitle(page), '住在哪里');
    await next(page, '家里有哪些人');
    assert.equal(await page.locator('#calc-members-0-birthDate').inputValue(), '1986-03-01');
    assert.equal(await page.locator('#calc-members-1-monthlyIncome').inputValue(), '900');
    assert.equal(await page.locator('[data-testid^="member-"]').count(), 3);

    // Senior mode: bigger text, still no sideways scrolling.
    await page.getByRole('button', { name: '长辈模式' }).click();
    await assertNoHorizontalScroll(page, 'in senior mode at 360 px');
    assert.equal(await page.locator('[data-testid^="member-"]').count(), 1, 'senior mode shows one person per screen');
    await page.getByRole('button', { name: '第 3 位' }).click();
    assert.equal(await page.locator('#calc-members-2-birthDate').inputValue(), '2016-06-01');
    await page.screenshot({ path: `${OUT_DIR}calculator-9-members-elderly.png`, fullPage: true });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});

test('calculator: a 422 field error appears at its input, a 429 says to wait', { timeout: 60_000 }, async () => {
  await withPage('calculator-errors', async (page, pageErrors) => {
    let answer = 422;
    await page.route('**/api/v1/screenings', (route) =>
      route.fulfill(
        answer === 422
          ? {
              status: 422,
              contentType: 'application/problem+json',
              body: JSON.stringify({
                type: 'urn:assistance:problem:validation', title: 'Invalid request', status: 422,
                detail: 'One or more fields are invalid.',
                errors: [{ field: 'members[1].birthDate', message: 'must not be after asOf (2026-11-22)' }],
              }),
            }
          : {
              status: 429,
              contentType: 'application/problem+json',
              headers: { 'Retry-After': '30' },
              body: JSON.stringify({ type: 'urn:assistance:problem:http-429', title: 'Too Many Requests', status: 429 }),
            },
      ),
    );
    await fillExampleA(page);
    await page.getByTestId('next').click();
    const error = page.getByTestId('calc-members-1-birthDate-error');
    await error.waitFor({ timeout: 10_000 });
    assert.equal(await stepTitle(page), '家里有哪些人', 'back on the step of the field');
    assert.match(await error.textContent(), /must not be after asOf/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'calc-members-1-birthDate');
    assert.equal(await page.locator('#calc-members-1-birthDate').getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: `${OUT_DIR}calculator-10-error-422.png`, fullPage: false });

    answer = 429;
    await next(page, '家庭财产和大额支出');
    await next(page, '其他情况');
    await page.getByTestId('next').click();
    const message = page.getByTestId('form-message');
    await message.waitFor({ timeout: 10_000 });
    assert.equal((await message.textContent())?.trim(), '操作太频繁，请稍后再试');
    assert.deepEqual(pageErrors, []);
  });
});
