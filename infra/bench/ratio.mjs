// Throughput of the app against the physical limit of the same machine, in one run, as ratios:
//   submissions/s (POST /api/v1/intakes: a 3-member household fanned out to 3 programs, idempotency record, outbox,
//   snapshot and audit rows) ÷ pgbench TPS of a script that writes the same rows (copied from an intake the app wrote) in
//   one transaction;
//   status reads/s (GET /api/v1/intakes/{id}/status) ÷ pgbench TPS of the same SELECTs.
// Rounds alternate A B A B ... (app, pgbench) and the medians are compared, so a noisy neighbour hits both sides.
// Usage: node infra/bench/ratio.mjs <backendUrl> [seconds=10] [rounds=3] [concurrency=8] [backendPid]
// Needs the stack's environment (source infra/.local/stack.env; PG_DB names the backend's database) and pgbench.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { household, nationalId } from './household.mjs';

const [backend = 'http://127.0.0.1:18090', seconds = '10', rounds = '3', concurrency = '8', pid] = process.argv.slice(2);
const D = Number(seconds);
const R = Number(rounds);
const C = Number(concurrency);
const env = process.env;
const realm = env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';
const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(outDir, { recursive: true });

const pgArgs = ['-h', env.PG_HOST ?? '127.0.0.1', '-p', env.PG_PORT ?? '5432', '-U', env.PG_USER ?? 'assistance', '-d', env.PG_DB ?? 'assistance'];
const pgEnv = { ...env, PGPASSWORD: env.PG_PASSWORD ?? 'assistance' };
const sql = (query) => execFileSync('psql', [...pgArgs, '-Atqc', query], { env: pgEnv, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
const pgbenchBin = ['/usr/lib/postgresql/15/bin/pgbench', 'pgbench'].find((p) => { try { execFileSync(p, ['--version']); return true; } catch { return false; } });

async function ok(answer, expected) {
  if (answer.status !== expected) throw new Error(`HTTP ${answer.status}: ${await answer.text()}`);
  return answer.json();
}
const token = (await ok(await fetch(`${realm}/protocol/openid-connect/token`, { method: 'POST',
  body: new URLSearchParams({ grant_type: 'password', client_id: 'portal-cli', username: 'resident1', password: 'demo1234' }) }), 200)).access_token;
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

let serial = Date.now() % 1_000_000;
const newDraft = async () => (await ok(await fetch(`${backend}/api/v1/drafts`, { method: 'POST', headers: auth,
  body: JSON.stringify({ household, chosenPrograms: null,
    applicant: { name: '压测', nationalId: nationalId(serial++), phone: '13800000000', address: null } }) }), 201)).id;
const submit = async (draftId) => ok(await fetch(`${backend}/api/v1/intakes`, { method: 'POST',
  headers: { ...auth, 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ draftId, consent: true }) }), 201);

/** C workers for D seconds (or until `next` has no more work); answers completed requests per second. */
async function closedLoop(next, work) {
  const end = performance.now() + D * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: C }, async () => {
    for (let item = next(); item !== undefined && performance.now() < end; item = next()) {
      await work(item);
      done++;
    }
  }));
  return done / ((performance.now() - start) / 1000);
}

async function parallel(n, fn) {
  const out = [];
  let i = 0;
  await Promise.all(Array.from({ length: C }, async () => { while (i < n) { i++; out.push(await fn()); } }));
  return out;
}

function pgbench(script) {
  const file = join(outDir, script.name);
  writeFileSync(file, script.text);
  // pgbench takes the database as its last argument (its -d means --debug)
  const out = execFileSync(pgbenchBin, [...pgArgs.slice(0, -2), '-n', '-M', 'prepared', '-c', String(C), '-j', '2', '-T', String(D),
    '-f', file, pgArgs.at(-1)],
    { env: pgEnv, encoding: 'utf8' });
  return Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)[1]);
}

// --- warm-up and the template rows the app writes --------------------------------------------------------------
const warm = await parallel(100, newDraft);
let warmIndex = 0;
await closedLoop(() => warm[warmIndex++], submit);
const intakeId = sql("select id from intake where applicant_name = '压测' order by submitted_at desc limit 1");

const columns = (table) => Object.fromEntries(sql(`select string_agg(column_name || ':' || data_type, ',') from information_schema.columns where table_name = '${table}'`)
  .split(',').map((c) => c.split(':')));
// An E'' literal with every colon written as \x3a: pgbench would read ":word" inside a literal as a variable.
const quote = (text) => `E'${String(text).replaceAll('\\', '\\\\').replaceAll("'", "''").replaceAll(':', '\\x3a')}'`;
function literal(value, type) {
  if (value === null) return 'NULL';
  if (type === 'jsonb') return `${quote(JSON.stringify(value))}::jsonb`;
  if (type === 'ARRAY') return `${quote(`{${value.map((v) => `"${v}"`).join(',')}}`)}`;
  if (type === 'integer' || type === 'numeric' || type === 'bigint' || type === 'boolean') return String(value);
  return quote(value);
}
/** An INSERT of one template row, with some columns given as expressions over pgbench variables. */
function insert(table, row, overrides, skip = []) {
  const types = columns(table);
  const names = Object.keys(row).filter((c) => !skip.includes(c));
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((c) => overrides[c] ?? literal(row[c], types[c])).join(', ')});`;
}
const rows = (query) => sql(`select coalesce(json_agg(t), '[]') from (${query}) t`);
const intake = JSON.parse(rows(`select * from intake where id = '${intakeId}'`))[0];
const cases = JSON.parse(rows(`select * from program_case where intake_id = '${intakeId}'`));
const snapshot = JSON.parse(rows(`select * from intake_snapshot where intake_id = '${intakeId}'`))[0];
const outbox = JSON.parse(rows(`select * from outbox_event where aggregate_id = '${intakeId}'`))[0];
const idem = JSON.parse(rows(`select * from idempotency_record where response_location like '%${intakeId}'`))[0];
const auditRow = JSON.parse(rows(`select * from audit_event where object_id = '${intakeId}' and action = 'INTAKE_SUBMIT'`))[0];
const ID = "md5(:a || '-' || :b)::uuid";
const KEY = "md5('key-' || :a || '-' || :b)::uuid";
const submission = [
  '\\set a random(1, 2147483647)', '\\set b random(1, 2147483647)', 'BEGIN;',
  insert('idempotency_record', { ...idem, response_status: null, response_location: null, response_body: null },
    { idempotency_key: KEY, state: "'IN_FLIGHT'", created_at: 'now()' }),
  "SELECT nextval('intake_number_seq');",
  insert('intake', intake, { id: ID, intake_number: "'B-' || :a || '-' || :b",
    applicant_national_id_hash: "encode(sha256(('id-' || :a || '-' || :b)::bytea), 'hex')", consent_at: 'now()', submitted_at: 'now()', updated_at: 'now()' }),
  insert('outbox_event', outbox, { aggregate_id: ID, created_at: 'now()' }, ['id', 'published_at']),
  insert('intake_snapshot', snapshot, { intake_id: ID, created_at: 'now()' }),
  ...cases.map((c, i) => insert('program_case', c, { id: `md5('case${i}-' || :a || '-' || :b)::uuid`, intake_id: ID,
    opened_at: 'now()', updated_at: 'now()', step_entered_at: 'now()' })),
  // the submission's audit row (its own hash, no lock: the sealer chains it later, outside the request)
  insert('audit_event', auditRow, { object_id: `(${ID})::text`, occurred_at: 'now()', recorded_at: 'now()' }, ['id', 'previous_hash']),
  `UPDATE idempotency_record SET state = 'COMPLETED', response_status = 201, response_location = ${quote(idem.response_location)},
     response_body = ${literal(idem.response_body, 'jsonb')} WHERE owner_subject = ${quote(idem.owner_subject)} AND idempotency_key = ${KEY};`,
  'COMMIT;',
].join('\n') + '\n';

// Status reads pick among the intakes written so far; both sides read the same ids.
sql('drop table if exists bench_intake; create table bench_intake as select row_number() over () as k, id, owner_subject from intake; alter table bench_intake add primary key (k)');
const readable = Number(sql('select count(*) from bench_intake'));
const readIds = sql('select id from bench_intake order by k').split('\n');
const status = [
  `\\set k random(1, ${readable})`,
  'SELECT id AS iid, owner_subject AS owner FROM bench_intake WHERE k = :k \\gset',
  'SELECT resident_id FROM resident_identity WHERE subject = :owner;',
  'SELECT * FROM intake WHERE id = :iid::uuid AND owner_subject = :owner;',
  'SELECT * FROM program_case WHERE intake_id = :iid::uuid ORDER BY program;',
  'SELECT * FROM case_decision WHERE case_id IN (SELECT id FROM program_case WHERE intake_id = :iid::uuid);',
  'SELECT * FROM case_event WHERE intake_id = :iid::uuid ORDER BY id;',
  'SELECT * FROM verification_consent WHERE intake_id = :iid::uuid;',
].join('\n') + '\n';

// --- alternated rounds ---------------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
let estimate = 100;
const results = { appSubmissions: [], rawSubmissions: [], appStatus: [], rawStatus: [] };
for (let r = 0; r < R; r++) {
  const pool = await parallel(Math.ceil(estimate * D * 1.5), newDraft);
  let index = 0;
  const appRate = await closedLoop(() => pool[index++], submit);
  estimate = Math.max(estimate, appRate);
  results.appSubmissions.push(appRate);
  results.rawSubmissions.push(pgbench({ name: 'submission.sql', text: submission }));
  results.appStatus.push(await closedLoop(() => readIds[Math.floor(Math.random() * readable)],
    async (id) => ok(await fetch(`${backend}/api/v1/intakes/${id}/status`, { headers: auth }), 200)));
  results.rawStatus.push(pgbench({ name: 'status.sql', text: status }));
  console.error(`round ${r + 1}: submissions app ${appRate.toFixed(0)}/s raw ${results.rawSubmissions.at(-1).toFixed(0)}/s; `
    + `status app ${results.appStatus.at(-1).toFixed(0)}/s raw ${results.rawStatus.at(-1).toFixed(0)}/s`);
}
const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Number(median(v).toFixed(1))]));
const summary = {
  when: new Date().toISOString(), seconds: D, rounds: R, concurrency: C, load: readFileSync('/proc/loadavg', 'utf8').trim(),
  ...m,
  submissionRatio: Number((m.appSubmissions / m.rawSubmissions).toFixed(2)), submissionTarget: 0.5,
  statusRatio: Number((m.appStatus / m.rawStatus).toFixed(2)), statusTarget: 0.3,
  rounds_: results,
};
if (pid) summary.backendRssMB = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
writeFileSync(join(outDir, 'ratio.json'), JSON.stringify(summary, null, 2));
writeFileSync(join(outDir, 'ratio.md'), `| figure | app | raw PostgreSQL | ratio | target |
|---|---|---|---|---|
| submissions/s | ${m.appSubmissions} | ${m.rawSubmissions} | ${summary.submissionRatio} | ≥ 0.5 |
| status reads/s | ${m.appStatus} | ${m.rawStatus} | ${summary.statusRatio} | ≥ 0.3 |
${pid ? `| backend RSS after the run | ${summary.backendRssMB} MB | | | ≤ 200 MB |\n` : ''}`);
console.log(readFileSync(join(outDir, 'ratio.md'), 'utf8'));
