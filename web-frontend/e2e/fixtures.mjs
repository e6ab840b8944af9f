// Test data for the browser journeys: small real PNG photos (the server checks content, not names), valid
// national id numbers, a Keycloak login and an axe-core accessibility check.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { PORTAL_URL } from './browser.mjs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A width x height RGB PNG in one colour with a stripe, so two photos never have the same bytes. */
export function pngPhoto(width, height, [r, g, b], stripe = 0) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const on = (x + stripe) % 16 < 4;
      raw[row + 1 + x * 3] = on ? 255 - r : r;
      raw[row + 2 + x * 3] = on ? 255 - g : g;
      raw[row + 3 + x * 3] = on ? 255 - b : b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A national id number (GB 11643) of region 140105 for a birth date and a sequence number. */
export function nationalId(birthDate, sequence) {
  const body = `140105${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, w, i) => total + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** Logs in through the Keycloak form from a portal page that shows a login button with the given test id. */
export async function keycloakLogin(page, username, buttonTestId = 'login') {
  await page.waitForSelector(`[data-testid="${buttonTestId}"]:not([disabled])`, { timeout: 20_000 });
  await page.getByTestId(buttonTestId).click();
  await page.locator('#username').waitFor({ timeout: 20_000 });
  await page.fill('#username', username);
  await page.fill('#password', 'demo1234');
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(PORTAL_URL), { timeout: 20_000 });
  await page.getByTestId('user-name').waitFor({ timeout: 20_000 });
}

const require = createRequire(import.meta.url);
let axeSource;

/** Runs axe-core in the page; fails on any serious or critical violation (WCAG 2.x A and AA rules). */
export async function assertAccessible(page, where) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const answer = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return answer.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `no serious or critical accessibility violations ${where}`);
  return result;
}
