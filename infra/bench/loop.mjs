// A simple sequential loop (not a load test): median and p95 latency of one screening and of one submission
// (draft + submit), over N requests each against a running backend and the real PostgreSQL.
// Usage: node infra/bench/loop.mjs [backendUrl] [N]
const backend = process.argv[2] ?? 'http://127.0.0.1:8080';
const n = Number(process.argv[3] ?? 1000);
const realm = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';

import { household, nationalId } from './household.mjs';

async function token() {
  const answer = await fetch(`${realm}/protocol/openid-connect/token`, { method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'portal-cli', username: 'resident1', password: 'demo1234' }) });
  return (await answer.json()).access_token;
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(name, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  console.log(`${name}: n=${sorted.length} median=${at(0.5)} ms p95=${at(0.95)} ms`);
}

async function ok(answer, expected) {
  if (answer.status !== expected) throw new Error(`HTTP ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

const run = Date.now() % 100000;
const bearer = await token();
const json = { 'Content-Type': 'application/json' };
const screenings = [];
for (let i = 0; i < n; i++) {
  screenings.push(await timed(async () => ok(await fetch(`${backend}/api/v1/screenings`,
    { method: 'POST', headers: json, body: JSON.stringify(household) }), 200)));
}
summary('screening', screenings);

const drafts = [];
const submissions = [];
const auth = { ...json, Authorization: `Bearer ${bearer}` };
for (let i = 0; i < n; i++) {
  let draftId;
  drafts.push(await timed(async () => {
    draftId = (await ok(await fetch(`${backend}/api/v1/drafts`, { method: 'POST', headers: auth, body: JSON.stringify({
      household, chosenPrograms: null,
      applicant: { name: '压测', nationalId: nationalId(run * 1000 + i), phone: '13800000000', address: null } }) }), 201)).id;
  }));
  submissions.push(await timed(async () => ok(await fetch(`${backend}/api/v1/intakes`, { method: 'POST',
    headers: { ...auth, 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ draftId, consent: true }) }), 201)));
}
summary('draft', drafts);
summary('submission', submissions);
