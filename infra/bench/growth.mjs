// Growth: the same figures with 1 million and then 10 million intakes in the database. The rows are generated
// server-side (INSERT … SELECT over generate_series: the COPY path without the client round trip) as copies of an
// intake the app just wrote, so they are consistent with the schema and with what the status read and the
// submission touch: intake, its three program cases, snapshot, outbox event (already delivered, so the delivery
// worker leaves them alone) and, for the intakes of the last 7 days only, completed idempotency record: the backend
// keeps those for assistance.idempotency.retention (7 days) and purges older ones, so the history has none (8,640 of
// each million seeded intakes, one a minute apart, are that recent). Every 100th intake belongs to resident1 (the reads
// pick among those, spread over the whole table); the others to 50,000 synthetic owners. Audit rows are not seeded:
// the audit log is a hash chain that cannot be forged in bulk without breaking its verification.
// The indexes and constraints of the large tables are dropped before and built after each seeding step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openLoad, retry } from './openload.mjs';
import { log, now } from './lib.mjs';

const LARGE = ['intake', 'program_case', 'intake_snapshot', 'outbox_event', 'idempotency_record'];
const CHUNK = 250_000;

export async function growth(o) {
  const { psql, subject, sizes, secondsLeft } = o;
  // an intake the app wrote (ratio.mjs's pgbench side writes 'B-' numbered copies that share one idempotency record)
  const tid = psql(`select i.id from intake i where i.owner_subject = '${subject}' and i.intake_number not like 'B-%'
    and exists (select 1 from idempotency_record r where r.response_location like '%' || i.id::text) order by i.submitted_at desc limit 1`);
  if (!tid) throw new Error('no template intake (the ratio part writes it)');
  const result = { template: tid, steps: [], seedRate: null, insertRate: null, indexRate: null, note: null };
  const ddl = saveDdl(psql);
  result.droppedAndRebuilt = { constraints: ddl.constraints.length, indexes: ddl.indexes.length };
  let seeded = 0;
  const measureSeconds = sizes.rounds * 2 * sizes.seconds + 2 * sizes.seconds + 45;
  for (const target of sizes.steps) {
    const more = target - seeded;
    if (result.insertRate) {
      const projected = more / result.insertRate + target / result.indexRate + measureSeconds + 30;
      const bytes = Number(psql(`select pg_database_size(current_database())`)) / Math.max(1, seeded) * more;
      const free = Number(execFileSync('df', ['-B1', '--output=avail', '/'], { encoding: 'utf8' }).split('\n')[1]);
      const tooBig = bytes * 1.3 > free;
      const tooLong = projected > secondsLeft();
      if (tooBig || tooLong) {
        result.note = `${target.toLocaleString('en')} intakes not seeded: ${more.toLocaleString('en')} more need about ${(bytes / 1e9).toFixed(0)} GB `
          + `(the disk has ${(free / 1e9).toFixed(0)} GB free${tooBig ? ': does not fit' : ''}) and, at the measured ${result.insertRate} intakes/s inserting and `
          + `${result.indexRate} intakes/s building indexes, ~${Math.round(projected / 60)} min with the measurement (${Math.round(secondsLeft() / 60)} min of the budget left${tooLong ? ': does not fit' : ''})`;
        break;
      }
    }
    await o.stopBackend();
    dropDdl(psql, ddl);
    const t0 = now();
    let reached = seeded;
    for (let from = seeded + 1; from <= target; from += CHUNK) {
      const to = Math.min(target, from + CHUNK - 1);
      for (const sql of seedSql(psql, tid, subject, from, to)) psql(sql);
      reached = to;
      const rate = (to - seeded) / ((now() - t0) / 1000);
      log(`growth: seeded ${to.toLocaleString('en')} intakes (${Math.round(rate)}/s)`);
      // the rest of this step must still fit: more inserts, the index build (guessed from the inserts the first
      // time: about 0.6 of their time) and the measurement; else stop here and measure what is there
      const indexGuess = result.indexRate ? target / result.indexRate : 0.6 * (target - seeded) / rate;
      if (to < target && (target - to) / rate + indexGuess + measureSeconds + 30 > secondsLeft()) {
        result.note = `${target.toLocaleString('en')} intakes not reached: seeding stopped at ${to.toLocaleString('en')} at ${Math.round(rate)} intakes/s, `
          + `the rest would not have fitted the ${Math.round(secondsLeft() / 60)} min left of the budget`;
        log(`growth: ${result.note}`);
        break;
      }
    }
    const inserted = reached - seeded;
    const insertSeconds = (now() - t0) / 1000;
    const t1 = now();
    rebuildDdl(psql, ddl);
    psql(`analyze ${LARGE.join(', ')}`);
    const indexSeconds = (now() - t1) / 1000;
    result.insertRate = Math.round(inserted / insertSeconds);
    result.indexRate = Math.round(reached / indexSeconds);
    result.seedRate = Math.round(inserted / (insertSeconds + indexSeconds));
    seeded = reached;
    const step = { intakes: Number(psql('select count(*) from intake')), seeded: reached, insertSeconds: Math.round(insertSeconds), indexSeconds: Math.round(indexSeconds),
      databaseGB: Number((Number(psql('select pg_database_size(current_database())')) / 1e9).toFixed(1)) };
    result.steps.push(step);
    log(`growth: ${reached.toLocaleString('en')} seeded: insert ${step.insertSeconds} s, indexes ${step.indexSeconds} s, ${step.databaseGB} GB`);
    await o.restartBackend();
    try {
      Object.assign(step, await measure(o, reached), { measured: true });
    } catch (e) {
      step.error = String(e.message ?? e).split('\n').slice(0, 2).join(' ');
      log(`growth: measurement at ${reached} failed: ${step.error}`);
    }
    if (reached < target) break;
  }
  return result;
}

/** The DDL of the large tables' constraints and indexes (and foreign keys pointing at them), to drop and rebuild. */
function saveDdl(psql) {
  const rel = `array[${LARGE.map((t) => `'${t}'::regclass`).join(',')}]`;
  const constraints = JSON.parse(psql(`select coalesce(json_agg(json_build_object('table', conrelid::regclass::text, 'name', conname,
      'def', pg_get_constraintdef(oid), 'type', contype) order by contype desc), '[]') from pg_constraint
    where (conrelid = any(${rel}) or confrelid = any(${rel})) and contype in ('p', 'u', 'f', 'x')`));
  const indexes = JSON.parse(psql(`select coalesce(json_agg(json_build_object('name', indexrelid::regclass::text, 'def', pg_get_indexdef(indexrelid))), '[]')
    from pg_index i where indrelid = any(${rel}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`));
  return { constraints, indexes };
}

function dropDdl(psql, { constraints, indexes }) {
  // foreign keys first (they hang on the primary keys), then keys, then plain indexes
  const fk = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  psql([...fk, ...keys].map((c) => `alter table ${c.table} drop constraint if exists ${c.name};`).join('\n')
    + indexes.map((i) => `drop index if exists ${i.name};`).join('\n'));
}

function rebuildDdl(psql, { constraints, indexes }) {
  const settings = "set maintenance_work_mem = '256MB'; set max_parallel_maintenance_workers = 2;";
  for (const i of indexes) psql(`${settings} ${i.def}`);
  for (const c of constraints.filter((x) => x.type !== 'f')) psql(`${settings} alter table ${c.table} add constraint ${c.name} ${c.def}`);
  // foreign keys: added, then validated against the seeded rows (a join per key, cheaper than a check per row)
  for (const c of constraints.filter((x) => x.type === 'f')) {
    psql(`alter table ${c.table} add constraint ${c.name} ${c.def} not valid`);
    psql(`${settings} alter table ${c.table} validate constraint ${c.name}`);
  }
}

const columnsCache = {};
function columns(psql, table) {
  return (columnsCache[table] ??= psql(`select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns
    where table_schema = 'public' and table_name = '${table}'`).split(','));
}
function copy(psql, table, template, overrides, from, to, skip = [], where = 'true') {
  const names = columns(psql, table).filter((c) => !skip.includes(c));
  return `insert into ${table} (${names.join(', ')}) select ${names.map((c) => overrides[c] ?? `t.${c}`).join(', ')}
    from generate_series(${from}, ${to}) n, (${template}) t where ${where}`;
}

function seedSql(psql, tid, subject, from, to) {
  const I = "md5('seed-intake-' || n)::uuid";
  const OWNER = `case when n % 100 = 0 then '${subject}' else 'seed-owner-' || (n % 50000) end`;
  const TS = "(now() - interval '1 day' - (n % 1000000) * interval '60 seconds')";
  const hash = (p) => `md5('${p}' || n) || md5('${p}2' || n)`;
  return [
    copy(psql, 'intake', `select * from intake where id = '${tid}'`, { id: I, intake_number: "'S-' || lpad(n::text, 9, '0')", owner_subject: OWNER,
      applicant_national_id_hash: hash('nid'), applicant_phone_hash: hash('phone'), consent_at: TS, submitted_at: TS, updated_at: TS }, from, to),
    copy(psql, 'program_case', `select * from program_case where intake_id = '${tid}'`, { id: "md5('seed-case-' || n || t.program)::uuid", intake_id: I,
      opened_at: TS, updated_at: TS, step_entered_at: TS, due_at: `t.due_at + (${TS} - t.opened_at)` }, from, to),
    copy(psql, 'intake_snapshot', `select * from intake_snapshot where intake_id = '${tid}'`, { intake_id: I, created_at: TS }, from, to),
    copy(psql, 'outbox_event', `select * from outbox_event where aggregate_id = '${tid}' and event_type = 'INTAKE_SUBMITTED'`, { aggregate_id: I,
      created_at: TS, published_at: TS, delivered_at: TS, attempts: '1', next_attempt_at: 'null', claimed_until: 'null', claimed_by: 'null',
      dead_at: 'null', last_error: 'null' }, from, to, ['id']),
    // only the intakes within the retention keep their record (IdempotencyConfig.retention, 7 days; IdempotencyPurge
    // deletes older ones): most of the seeded history is older, so the table holds what a week of submissions leaves
    copy(psql, 'idempotency_record', `select * from idempotency_record where response_location like '%${tid}'`, { owner_subject: OWNER,
      idempotency_key: "md5('seed-key-' || n)::uuid", request_hash: hash('req'), created_at: TS,
      response_location: `replace(t.response_location, '${tid}', (${I})::text)` }, from, to, [], `${TS} > now() - interval '7 days'`),
  ];
}

// ------------------------------------------------------------------ measurement at one size

async function measure(o, seeded) {
  const { psql, sizes, url, subject } = o;
  const stats = () => Object.fromEntries(psql(`select relname, seq_scan, seq_tup_read, n_live_tup from pg_stat_user_tables`).split('\n')
    .map((l) => l.split('|')).map(([t, s, r, n]) => [t, { seq: Number(s), read: Number(r), live: Number(n) }]));
  // resident1's seeded intakes (every 100th), spread over the whole table; computed, not scanned for
  const ids = psql(`select md5('seed-intake-' || n)::uuid from generate_series(100, ${seeded}, 100) n order by random() limit 5000`).split('\n');
  if (ids.length < 10) ids.push(...psql(`select id from intake where owner_subject = '${subject}' limit 100`).split('\n'));
  // warm-up (JIT, pool) outside the measurement
  await openLoad({ url, rate: o.readRate, seconds: 2, request: o.statusRequest(ids) });
  const before = stats();
  const read = await openLoad({ url, rate: o.readRate, seconds: 2 * sizes.seconds, request: o.statusRequest(ids) });
  delete read.completions;
  const app = [];
  const raw = [];
  let estimate = 50;
  for (let r = 0; r < sizes.rounds; r++) {
    const pool = await o.drafts(Math.ceil(estimate * sizes.seconds * 1.5) + 20);
    app.push(await closedLoop(url, o.auth, pool, sizes.seconds, o.concurrency));
    estimate = Math.max(estimate, app.at(-1));
    raw.push(pgbench(o, path.join(o.outDir, 'submission.sql'), sizes.seconds));
    log(`growth ${seeded}: round ${r + 1}: submissions app ${app.at(-1).toFixed(0)}/s raw ${raw.at(-1).toFixed(0)}/s`);
  }
  const after = stats();
  const large = Object.entries(after).filter(([, s]) => s.live >= seeded / 2);
  const seqScans = large.map(([t, s]) => ({ table: t, seqScans: s.seq - (before[t]?.seq ?? 0), rowsRead: s.read - (before[t]?.read ?? 0), rows: s.live }))
    .filter((x) => x.seqScans > 0);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const appSubmissions = Number(median(app).toFixed(1));
  const rawSubmissions = Number(median(raw).toFixed(1));
  const okReads = (read.status[200] ?? 0) / Math.max(1, read.sent);
  return { readRate: o.readRate, read: { ...read.latency, ok: okReads, status: read.status }, appSubmissions, rawSubmissions,
    submissionRatio: Number((appSubmissions / rawSubmissions).toFixed(2)), rounds: { app, raw }, seqScans,
    largeTables: large.map(([t, s]) => ({ table: t, rows: s.live })) };
}

async function closedLoop(url, auth, drafts, seconds, concurrency) {
  const end = performance.now() + seconds * 1000;
  let next = 0, done = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end && next < drafts.length) {
      const draftId = drafts[next++];
      const r = await fetch(`${url}/api/v1/intakes`, { method: 'POST', headers: { ...auth(), 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ draftId, consent: true }) });
      await r.arrayBuffer();
      if (r.status !== 201) throw new Error(`submission: HTTP ${r.status}`);
      done++;
    }
  }));
  return done / ((performance.now() - start) / 1000);
}

function pgbench(o, script, seconds) {
  if (!fs.existsSync(script)) throw new Error(`${script} missing (ratio.mjs writes it)`);
  const out = retry(() => execFileSync(o.pgbenchBin, [...o.connArgs, '-n', '-M', 'prepared', '-c', String(o.concurrency), '-j', '2', '-T', String(seconds), '-f', script, o.db],
    { env: o.pgEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  return Number(/tps = ([\d.]+)/.exec(out)[1]);
}
