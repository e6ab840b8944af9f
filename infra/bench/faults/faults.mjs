// Fault tests of the benchmark issue, against a private PostgreSQL (port 5442) and s3proxy (port 9042) that this
// script starts and stops itself, and the shared Keycloak for tokens. Each scenario is followed by SQL invariants.
// Usage (through ./run): node faults.mjs [--smoke] [--only kill9,pg,s3,fuzz]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PrivatePostgres, backendProc, backendReady, s3proxyProc, s3Answers, waitFor, tokenSource, submitOnce, call,
  isProblem, png, percentile, pool, sleep, now, log, household,
} from '../lib.mjs';
import { fuzz } from './fuzz.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['kill9', 'pg', 's3', 'fuzz'];

const SIZES = smoke
  ? { kill9: { submissions: 50, kills: 1, concurrency: 6 }, pg: { restarts: 1, outageMs: 2000 }, s3: { seconds: 2 }, fuzz: 400 }
  : { kill9: { submissions: 20000, kills: 5, concurrency: 12 }, pg: { restarts: 2, outageMs: 5000 }, s3: { seconds: 15 }, fuzz: 10000 };

// FAULTS_SUBMISSIONS, FAULTS_KILLS and FAULTS_FUZZ resize a run (e.g. a medium run between smoke and full).
if (process.env.FAULTS_SUBMISSIONS) SIZES.kill9.submissions = Number(process.env.FAULTS_SUBMISSIONS);
if (process.env.FAULTS_KILLS) SIZES.kill9.kills = Number(process.env.FAULTS_KILLS);
if (process.env.FAULTS_FUZZ) SIZES.fuzz = Number(process.env.FAULTS_FUZZ);

const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5442);
const S3_PORT = Number(process.env.FAULTS_S3_PORT ?? 9042);
const HTTP_PORT = Number(process.env.FAULTS_HTTP_PORT ?? 18142);
const DB = 'assistance_faults';
const realm = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';
// FAULTS_DIR: where the private PostgreSQL, s3proxy and logs live (e.g. outside a worktree whose infra/.local is
// a link to someone else's stack); it is this run's own, its s3 directory and database are made afresh.
const dir = path.resolve(process.env.FAULTS_DIR ?? path.join(root, 'infra/.local/faults'));
const backendUrl = `http://127.0.0.1:${HTTP_PORT}`;
const seed = Date.now() % 100000;

const pg = new PrivatePostgres(dir, PG_PORT);
const s3 = { proc: null };
let backend = null;
const results = { mode: smoke ? 'smoke' : 'full', startedAt: new Date().toISOString(), scenarios: {} };

const backendEnv = {
  PG_HOST: '127.0.0.1', PG_PORT: String(PG_PORT), PG_DB: DB, PG_USER: 'assistance', PG_PASSWORD: 'assistance',
  PG_APP_USER: 'assistance_app', PG_APP_PASSWORD: 'assistance_app', PG_POOL_SIZE: '10',
  S3_URL: `http://127.0.0.1:${S3_PORT}`, S3_ACCESS_KEY: 'assistance', S3_SECRET_KEY: 'assistance-secret',
  OIDC_AUTH_SERVER_URL: realm,
  // A claim of a request that died with the process is taken over after this (default 60 s).
  ASSISTANCE_IDEMPOTENCY_ABANDONED_AFTER: '5S',
};

async function startBackend() {
  backend = backendProc(root, 'faults-backend', HTTP_PORT, backendEnv, dir).start();
  await waitFor('backend', () => backendReady(backendUrl), 90000, backend);
}

async function startS3() {
  s3.proc = s3proxyProc(root, dir, S3_PORT).start();
  await waitFor('s3proxy', () => s3Answers(S3_PORT), 60000, s3.proc);
}

// ------------------------------------------------------------------ invariants (SQL, on the private database)

function q(text) {
  return pg.sql(DB, text);
}

/** acknowledged: [{key, intakeId, intakeNumber}] the client got a 201 for. */
function invariants(acknowledged, { scope = 'all' } = {}) {
  const v = {};
  const ids = acknowledged.map((a) => a.intakeId);
  if (ids.length) {
    fs.writeFileSync(path.join(dir, 'acknowledged.csv'), ids.join('\n') + '\n');
    const found = Number(q(`with ack(id) as (select unnest(array[${ids.map((i) => `'${i}'`).join(',')}]::uuid[]))
      select count(*) from ack join intake using (id)`));
    v.acknowledgedLost = ids.length - found;
    const numbers = new Set(acknowledged.map((a) => a.intakeNumber));
    v.acknowledgedNumbersDistinct = numbers.size === ids.length;
  } else {
    v.acknowledgedLost = 0;
  }
  v.duplicateIntakeNumbers = Number(q('select count(*) - count(distinct intake_number) from intake'));
  // One intake per completed key; a completed key names an existing intake; nothing left half-claimed.
  v.duplicatesPerIdempotencyKey = Number(q(`select count(*) from (select response_location, count(*) from idempotency_record
    where state = 'COMPLETED' group by response_location having count(*) > 1) d`));
  // response_location ends with the intake's id (36 characters): compared as that suffix, so that PostgreSQL can
  // hash-join (a LIKE '%' || id join is a nested loop, 4e8 comparisons at 20,000 intakes)
  v.intakesWithoutCompletedKey = Number(q(`select count(*) from intake i where not exists (select 1 from idempotency_record r
    where r.state = 'COMPLETED' and right(r.response_location, 36) = i.id::text)`));
  v.completedKeysWithoutIntake = Number(q(`select count(*) from idempotency_record r where r.state = 'COMPLETED'
    and r.operation = 'SUBMIT' and not exists (select 1 from intake i where right(r.response_location, 36) = i.id::text)`));
  v.applicantsWithTwoActiveIntakes = Number(q(`select count(*) from (select applicant_national_id_hash from intake
    where status = 'ACTIVE' group by 1 having count(*) > 1) d`));
  // Fan-out: every intake has one case per program of its submission event, and at least one.
  v.partialFanOuts = Number(q(`select count(*) from intake i join outbox_event o on o.aggregate_id = i.id
    and o.event_type = 'INTAKE_SUBMITTED' where (select count(*) from program_case c where c.intake_id = i.id)
    <> jsonb_array_length(o.payload->'programs') or jsonb_array_length(o.payload->'programs') = 0`));
  v.intakesWithoutOutboxRow = Number(q(`select count(*) from intake i where not exists (select 1 from outbox_event o
    where o.aggregate_id = i.id and o.event_type = 'INTAKE_SUBMITTED')`));
  v.outboxRowsPerIntakeAboveOne = Number(q(`select count(*) from (select aggregate_id from outbox_event
    where event_type = 'INTAKE_SUBMITTED' group by 1 having count(*) > 1) d`));
  v.intakesWithoutAudit = Number(q(`select count(*) from intake i where not exists (select 1 from audit_event a
    where a.object_id = i.id::text)`));
  v.intakesWithoutSnapshot = Number(q(`select count(*) from intake i where not exists (select 1 from intake_snapshot s
    where s.intake_id = i.id)`));
  const ok = v.acknowledgedLost === 0 && v.acknowledgedNumbersDistinct !== false && Object.entries(v)
    .filter(([k]) => k !== 'acknowledgedNumbersDistinct').every(([, n]) => n === 0);
  return { ok, ...v, intakes: Number(q('select count(*) from intake')), scope };
}


// ------------------------------------------------------------------ scenario 1: kill -9 of the backend

async function kill9({ submissions, kills, concurrency }) {
  const bearer = tokenSource(realm, 'resident1');
  const answers = { status: {}, networkErrors: 0 };
  const count = (kind, r) => { answers.status[`${kind} ${r.status}`] = (answers.status[`${kind} ${r.status}`] ?? 0) + 1; };
  let done = 0;
  const started = now();
  let killing = true;
  const killLog = [];
  const killer = (async () => {
    for (let k = 0; k < kills; k++) {
      // spread the kills over the run: wait until the next fraction of submissions is done
      while (done < ((k + 1) * submissions) / (kills + 1) && killing) await sleep(50);
      if (!killing) break;
      const at = now();
      await backend.kill9();
      await startBackend();
      killLog.push({ atSubmission: done, downMs: now() - at });
      log(`kill9: kill ${k + 1}/${kills} at ${done} submissions, back after ${now() - at} ms`);
    }
  })();
  const outcomes = await pool(submissions, concurrency, async (i) => {
    const o = await submitOnce(() => backendUrl, bearer, seed, i, { onAttempt: count, deadlineMs: 300000 });
    done++;
    // keep what the invariants need, not the ~8 KiB answer: 20,000 of those would be 160 MB in this process
    const body = o.final.status === 201 ? o.final.json() : null;
    return { key: o.key, i, attempts: o.attempts, status: o.final.status, intakeId: body?.id, intakeNumber: body?.intakeNumber,
      text: body ? '' : o.final.text.slice(0, 200) };
  });
  killing = false;
  await killer;
  const elapsed = (now() - started) / 1000;
  const acknowledged = outcomes.filter((o) => o.status === 201)
    .map((o) => ({ key: o.key, intakeId: o.intakeId, intakeNumber: o.intakeNumber }));
  const unexpected = outcomes.filter((o) => o.status !== 201);
  const inv = invariants(acknowledged);
  return {
    ok: inv.ok && unexpected.length === 0 && killLog.length === kills,
    submissions, kills: killLog, concurrency, submitSeconds: elapsed, acknowledged: acknowledged.length,
    notAcknowledged: unexpected.slice(0, 5).map((o) => ({ i: o.i, status: o.status, body: o.text })),
    notAcknowledgedCount: unexpected.length,
    retriedSubmissions: outcomes.filter((o) => o.attempts > 1).length,
    answers: answers.status, invariants: inv,
  };
}

// ------------------------------------------------------------------ scenario 2: PostgreSQL stopped (immediate)

async function pgRestart({ restarts, outageMs }) {
  const bearer = tokenSource(realm, 'resident1');
  const token = await bearer();
  const outage = { answers: 0, slowerThan2s: 0, not503: [], withoutRetryAfter: 0, notProblemJson: 0, maxMs: 0 };
  const recoveries = [];
  let phase = 'up';
  let running = true;
  const acknowledged = [];
  let next = 100000;
  const loaders = Array.from({ length: 4 }, async () => {
    while (running) {
      const i = next++;
      const o = await submitOnce(() => backendUrl, bearer, seed, i, { deadlineMs: 120000, onAttempt: (kind, r) => {
        // a success answered during the outage was served before it began: only refusals are judged
        if (phase !== 'down' || (r.status >= 200 && r.status < 300)) return;
        outage.answers++;
        outage.maxMs = Math.max(outage.maxMs, r.ms);
        if (r.ms > 2000) outage.slowerThan2s++;
        if (r.status !== 503) { if (outage.not503.length < 5) outage.not503.push({ kind, status: r.status, body: r.text.slice(0, 160) }); }
        else if (!r.retryAfter) outage.withoutRetryAfter++;
        if (r.status !== 0 && !isProblem(r)) outage.notProblemJson++;
      } });
      if (o.final.status === 201) {
        const b = o.final.json();
        acknowledged.push({ key: o.key, intakeId: b.id, intakeNumber: b.intakeNumber });
      }
    }
  });
  // reads too: the resident's list during the outage
  const reader = (async () => {
    while (running) {
      const r = await call(`${backendUrl}/api/v1/intakes?page=0`, { headers: { Authorization: `Bearer ${token}` } });
      if (phase === 'down' && !(r.status >= 200 && r.status < 300)) {
        outage.answers++;
        outage.maxMs = Math.max(outage.maxMs, r.ms);
        if (r.ms > 2000) outage.slowerThan2s++;
        if (r.status !== 503) { if (outage.not503.length < 5) outage.not503.push({ kind: 'list', status: r.status, body: r.text.slice(0, 160) }); }
        else if (!r.retryAfter) outage.withoutRetryAfter++;
        if (r.status !== 0 && !isProblem(r)) outage.notProblemJson++;
      }
      await sleep(100);
    }
  })();
  await sleep(2000);
  for (let k = 0; k < restarts; k++) {
    pg.stop('immediate');
    phase = 'down';
    log(`pg: stopped (immediate), outage ${outageMs} ms`);
    await sleep(outageMs);
    phase = 'starting';
    pg.start();
    const upAt = now();
    const before = acknowledged.length;
    // recovery: the first acknowledged submission after PostgreSQL accepts connections again
    await waitFor('recovery', () => acknowledged.length > before, 30000).catch(() => {});
    recoveries.push(acknowledged.length > before ? now() - upAt : null);
    phase = 'up';
    log(`pg: recovered after ${recoveries.at(-1)} ms`);
    await sleep(2000);
  }
  running = false;
  await Promise.all([...loaders, reader]);
  const inv = invariants(acknowledged);
  const ok = inv.ok && outage.slowerThan2s === 0 && outage.not503.length === 0 && outage.notProblemJson === 0
    && outage.withoutRetryAfter === 0 && recoveries.every((r) => r !== null && r <= 5000);
  return { ok, restarts, outageMs, outage, recoveryMs: recoveries, acknowledged: acknowledged.length, invariants: inv };
}

// ------------------------------------------------------------------ scenario 3: S3 paused and killed

function objectExists(key) {
  const base = path.join(dir, 's3');
  return fs.readdirSync(base).some((bucket) => fs.existsSync(path.join(base, bucket, key)));
}

async function s3Faults({ seconds }) {
  const bearer = tokenSource(realm, 'resident2');
  const token = await bearer();
  const auth = { Authorization: `Bearer ${token}` };
  // one draft per uploader, documents go there
  const draft = await call(`${backendUrl}/api/v1/drafts`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ household, chosenPrograms: null, applicant: { name: '上传', nationalId: '110105199001011232', phone: '13800000000', address: null } }) });
  if (draft.status !== 201) throw new Error(`s3: draft failed ${draft.status} ${draft.text}`);
  const draftId = draft.json().id;
  const stats = { phase: {}, uploads: {} };
  let phase = 'up';
  let running = true;
  let n = 0;
  const bump = (o, k) => { o[k] = (o[k] ?? 0) + 1; };
  const other = [];
  const nonUpload = Array.from({ length: 3 }, (_, w) => (async () => {
    while (running) {
      const r = w === 0
        ? await call(`${backendUrl}/api/v1/screenings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(household) })
        : w === 1 ? await call(`${backendUrl}/api/v1/drafts/${draftId}`, { headers: auth })
          : await call(`${backendUrl}/api/v1/intakes`, { headers: auth });
      other.push({ phase, ok: r.status === 200, status: r.status });
      await sleep(20);
    }
  })());
  const uploads = [];
  const uploader = (async () => {
    while (running) {
      const form = new FormData();
      form.append('type', 'INCOME_PROOF');
      form.append('memberId', 'm2');
      form.append('file', new Blob([png(seed * 1000 + n++)], { type: 'image/png' }), 'proof.png');
      const p = phase;
      const r = await call(`${backendUrl}/api/v1/drafts/${draftId}/documents`, { method: 'POST', headers: auth, body: form, timeoutMs: 30000 });
      // an upload that started before the outage and ended in it counts as an upload during the outage
      const during = ['paused', 'killed'].includes(p) ? p : ['paused', 'killed'].includes(phase) ? phase : p;
      uploads.push({ phase: during, status: r.status, ms: r.ms, retryAfter: r.retryAfter, problem: isProblem(r), body: r.text.slice(0, 160) });
      if (r.status === 201) {
        const id = r.json().id;
        // keep the draft under its document limit: remove what was stored (the row goes, then the object)
        await call(`${backendUrl}/api/v1/drafts/${draftId}/documents/${id}`, { method: 'DELETE', headers: auth });
      }
      await sleep(100);
    }
  })();
  await sleep(1500);
  phase = 'paused';
  s3.proc.signal('SIGSTOP');
  log(`s3: paused (SIGSTOP) for ${seconds} s`);
  await sleep(seconds * 1000);
  s3.proc.signal('SIGCONT');
  phase = 'resumed';
  await sleep(1500);
  phase = 'killed';
  await s3.proc.kill9();
  log(`s3: killed (SIGKILL) for ${seconds} s`);
  await sleep(seconds * 1000);
  phase = 'restarting';
  await startS3();
  phase = 'restarted';
  await sleep(2000);
  running = false;
  await Promise.all([...nonUpload, uploader]);
  for (const o of other) bump(stats.phase, `${o.phase} ${o.status}`);
  for (const u of uploads) bump(stats.uploads, `${u.phase} ${u.status}`);
  const nonUploadSuccess = other.filter((o) => o.ok).length / Math.max(1, other.length);
  const failedUploads = uploads.filter((u) => ['paused', 'killed'].includes(u.phase) && u.status !== 201);
  const badFailures = failedUploads.filter((u) => u.status !== 503 || !u.retryAfter || !u.problem);
  // fail fast: the store's read timeout is 5 s; nothing during the outage may take longer than 6 s
  const slowFailures = uploads.filter((u) => ['paused', 'killed'].includes(u.phase) && u.ms > 6000);
  // afterwards: every row that claims stored bytes points at an existing object
  const rows = q(`select object_key from document where status not in ('PENDING_UPLOAD', 'DISCARDED')`).split('\n').filter(Boolean);
  const missing = rows.filter((k) => !objectExists(k));
  const okUploadsAfter = uploads.filter((u) => u.phase === 'restarted' && u.status === 201).length;
  const ok = nonUploadSuccess >= 0.999 && badFailures.length === 0 && slowFailures.length === 0 && missing.length === 0
    && okUploadsAfter > 0;
  return {
    ok, seconds, nonUploadRequests: other.length, nonUploadSuccess, uploads: uploads.length,
    uploadsFailedDuringOutage: failedUploads.length, uploadFailureMaxMs: Math.max(0, ...failedUploads.map((u) => u.ms)),
    uploadsSlowerThan6s: slowFailures.length,
    uploadFailuresNot503WithRetryAfter: badFailures.slice(0, 5), uploadsStoredAfterRestart: okUploadsAfter,
    documentRowsChecked: rows.length, rowsPointingAtMissingObjects: missing.length, answers: stats,
  };
}

// ------------------------------------------------------------------ main

/**
 * Exact row counts of every table, as one comparable string. Left out: the audit log, which records refusals on
 * purpose; the shared rate-limit counters (`rate_limit_window`), which count attempts, refused ones too, on purpose
 * (e.g. a hotline search with an empty body counts against the staff member's hourly limit before it is refused
 * with 422; the first full run's fuzz added exactly one such row); and the notify tables, which the delivery worker fills from events older
 * than the fuzz run.
 */
const NOT_COMPARED = ['audit_event', 'audit_seal', 'rate_limit_window', 'inbox_message', 'notification_delivery', 'callback_task'];
function tables() {
  const names = q(`select string_agg(quote_ident(tablename), ',' order by tablename) from pg_tables where schemaname = 'public'`)
    .split(',').filter((t) => !NOT_COMPARED.includes(t));
  return q(`select concat_ws(',', ${names.map((t) => `'${t}=' || (select count(*) from ${t})`).join(', ')})`);
}

const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

async function main() {
  const started = now();
  results.loadAverageAtStart = loadAverage();
  log(`faults: ${smoke ? 'smoke' : 'full'} run, private PostgreSQL :${PG_PORT}, s3proxy :${S3_PORT}, backend :${HTTP_PORT}`);
  pg.init();
  pg.start();
  pg.freshDatabase(DB);
  fs.rmSync(path.join(dir, 's3'), { recursive: true, force: true });
  await startS3();
  await startBackend();
  log('faults: backend up');
  try {
    const run = async (name, fn, size) => {
      if (!only.includes(name)) return;
      const t = now();
      log(`--- ${name}`);
      try {
        results.scenarios[name] = { ...(await fn(size)), seconds: (now() - t) / 1000, loadAverageAfter: loadAverage() };
      } catch (e) {
        results.scenarios[name] = { ok: false, error: String(e.stack ?? e) };
      }
      log(`${name}: ${results.scenarios[name].ok ? 'ok' : 'FAILED'} (${((now() - t) / 1000).toFixed(1)} s)`);
      // the next scenario starts from a ready backend; after an outage readiness may lag a moment
      const ready = backend.alive() && await waitFor('backend', () => backendReady(backendUrl), 15000, backend).then(() => true, () => false);
      if (!ready) {
        await backend.stop();
        await startBackend();
      }
    };
    await run('kill9', kill9, SIZES.kill9);
    await run('pg', pgRestart, SIZES.pg);
    await run('s3', s3Faults, SIZES.s3);
    await run('fuzz', (n) => fuzz({ backendUrl, realm, n, seed, countRows: tables, dir }), SIZES.fuzz);
  } finally {
    await backend.stop();
    await s3.proc?.stop();
    pg.stop('fast');
  }
  results.seconds = (now() - started) / 1000;
  results.loadAverageAtEnd = loadAverage();
  results.ok = Object.values(results.scenarios).every((s) => s.ok);
  fs.writeFileSync(path.join(here, smoke ? 'results-smoke.json' : 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(here, smoke ? 'results-smoke.md' : 'results.md'), markdown(results));
  console.log(markdown(results));
  const passed = Object.values(results.scenarios).filter((s) => s.ok).length;
  console.log(`faults: ${passed} passed, ${Object.keys(results.scenarios).length - passed} failed`);
  return results.ok ? 0 : 1;
}

function markdown(r) {
  const line = (name, s, what) => `| ${name} | ${s ? (s.ok ? 'ok' : '**FAILED**') : 'skipped'} | ${s?.error ? s.error.split('\n')[0] : s ? what(s) : ''} |`;
  return [`# Fault runs (${r.mode}, ${r.startedAt}, ${r.seconds?.toFixed(0)} s, load average ${r.loadAverageAtStart?.join(' ')} at the start, ${r.loadAverageAtEnd?.join(' ')} at the end)`, '',
    '| scenario | result | measured |', '|---|---|---|',
    line('kill -9 of backend', r.scenarios.kill9, (s) => `${s.submissions} submissions, ${s.kills.length} kills, ${s.acknowledged} acknowledged, ${s.retriedSubmissions} retried; lost ${s.invariants.acknowledgedLost}, duplicate numbers ${s.invariants.duplicateIntakeNumbers}, partial fan-outs ${s.invariants.partialFanOuts}, missing outbox ${s.invariants.intakesWithoutOutboxRow}, missing audit ${s.invariants.intakesWithoutAudit}, missing snapshot ${s.invariants.intakesWithoutSnapshot}, keys with two intakes ${s.invariants.duplicatesPerIdempotencyKey}, completed keys without intake ${s.invariants.completedKeysWithoutIntake}, intakes without completed key ${s.invariants.intakesWithoutCompletedKey}; ${(s.submissions / (s.submitSeconds ?? s.seconds)).toFixed(1)} submissions/s including the restarts (back after ${s.kills.map((k) => (k.downMs / 1000).toFixed(1)).join(', ')} s)`),
    line('PostgreSQL immediate stop', r.scenarios.pg, (s) => `${s.restarts} restarts; ${s.outage.answers} answers during outage, max ${s.outage.maxMs} ms, not 503: ${s.outage.not503.length}, not problem+json: ${s.outage.notProblemJson}; recovery ${s.recoveryMs.join(', ')} ms; lost ${s.invariants.acknowledgedLost}`),
    line('S3 paused and killed', r.scenarios.s3, (s) => `non-upload success ${(s.nonUploadSuccess * 100).toFixed(2)} % of ${s.nonUploadRequests}; ${s.uploadsFailedDuringOutage} uploads refused during outage (max ${s.uploadFailureMaxMs} ms, not 503+Retry-After: ${s.uploadFailuresNot503WithRetryAfter.length}); rows at missing objects ${s.rowsPointingAtMissingObjects}`),
    line('fuzz', r.scenarios.fuzz, (s) => `${s.requests} malformed requests over ${s.endpoints} endpoints; 5xx ${s.serverErrors}, not problem+json ${s.notProblemJson}, rows changed ${s.rowsChanged ? 'yes' : 'no'}`),
    ''].join('\n');
}

process.exitCode = await main();
