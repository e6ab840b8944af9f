// A simple sequential loop (not a load test): median and p95 latency of one screening and of one submission
// (draft + submit), over N requests each against a running backend and the real PostgreSQL.
// Usage: node infra/bench/loop.mjs [backendUrl] [N]
const backend = process.argv[2] ?? 'http://127.0.0.1:8080';
const n = Number(process.argv[3] ?? 1000);
const realm = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';

const household = {
  regionCode: '140105', hukou: 'URBAN', asOf: '2026-11-22',
  members: [
    { id: 'm1', relationship: 'APPLICANT', birthDate: '1986-03-01', disabilityGrade: null, seriousIllness: false,
      schooling: 'NONE', employment: 'UNEMPLOYED', monthlyIncome: 0, parentsUnableToRaise: false },
    { id: 'm2', relationship: 'SPOUSE', birthDate: '1988-05-10', disabilityGrade: null, seriousIllness: false,
      schooling: 'NONE', employment: 'EMPLOYED', monthlyIncome: 900, parentsUnableToRaise: false },
    { id: 'm3', relationship: 'CHILD', birthDate: '2016-09-01', disabilityGrade: null, seriousIllness: false,
      schooling: 'PRIMARY', employment: 'NOT_IN_LABOUR_FORCE', monthlyIncome: 0, parentsUnableToRaise: false },
  ],
  assets: { financialAssets: 0, nonEssentialVehicles: 0, ownedHomes: 1 },
  rigidExpenditure12m: { medical: 0, education: 0 }, hasAbleSupporter: false, housing: 'ADEQUATE', suddenEvent: null,
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function nationalId(i) {
  const body = `330106${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(Math.floor(i / 10) % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, k) => s + Number(c) * WEIGHTS[k], 0);
  return body + '10X98765432'[sum % 11];
}

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
