// Scale out on one machine: two backend instances on one PostgreSQL behind Debian's nginx (infra/nginx/nginx.conf),
// the submission load through nginx; combined throughput, and the invariants of the fault runs (unique intake
// numbers, every acknowledged submission stored once, full fan-out, one outbox and audit row per intake).
// Usage (through ./run): node scale.mjs [--smoke]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrivatePostgres, Proc, backendProc, backendReady, s3proxyProc, s3Answers, waitFor, tokenSource, submitOnce,
  call, pool, now, log } from '../lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const smoke = process.argv.includes('--smoke');
const N = smoke ? 200 : Number(process.env.SCALE_SUBMISSIONS ?? 5000);
const C = Number(process.env.SCALE_CONCURRENCY ?? 16);
const dir = path.join(root, 'infra/.local/scale');
const PG_PORT = 5442, S3_PORT = 9042, NGINX_PORT = 18150, PORTS = [18151, 18152];
const DB = 'assistance_scale';
const realm = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';
const seed = Date.now() % 100000;

const pg = new PrivatePostgres(path.join(root, 'infra/.local/faults'), PG_PORT);
const q = (t) => pg.sql(DB, t);

function nginxProc() {
  const prefix = path.join(dir, 'nginx');
  fs.mkdirSync(prefix, { recursive: true });
  const conf = fs.readFileSync(path.join(root, 'infra/nginx/nginx.conf'), 'utf8')
    .replaceAll('@PREFIX@', prefix).replaceAll('@PORT@', String(NGINX_PORT))
    .replace('@UPSTREAMS@', PORTS.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n        '));
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const bin = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  return new Proc('nginx', bin, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')],
    { logFile: path.join(dir, 'nginx.log'), cwd: prefix });
}

async function main() {
  fs.mkdirSync(dir, { recursive: true });
  pg.init();
  pg.start();
  pg.freshDatabase(DB);
  const s3 = s3proxyProc(root, dir, S3_PORT).start();
  const env = { PG_HOST: '127.0.0.1', PG_PORT: String(PG_PORT), PG_DB: DB, PG_USER: 'assistance', PG_PASSWORD: 'assistance',
    PG_APP_USER: 'assistance_app', PG_APP_PASSWORD: 'assistance_app', PG_POOL_SIZE: '10', OIDC_AUTH_SERVER_URL: realm,
    S3_URL: `http://127.0.0.1:${S3_PORT}`, S3_ACCESS_KEY: 'assistance', S3_SECRET_KEY: 'assistance-secret' };
  const backends = [];
  const nginx = nginxProc();
  const result = { mode: smoke ? 'smoke' : 'full', startedAt: new Date().toISOString(), instances: PORTS.length };
  try {
    await waitFor('s3proxy', () => s3Answers(S3_PORT), 60000, s3);
    // one at a time: the first migrates the schema, the second finds it done
    for (const [k, port] of PORTS.entries()) {
      const b = backendProc(root, `scale-backend-${k + 1}`, port, env, dir).start();
      backends.push(b);
      await waitFor(`backend ${k + 1}`, () => backendReady(`http://127.0.0.1:${port}`), 120000, b);
    }
    nginx.start();
    const url = `http://127.0.0.1:${NGINX_PORT}`;
    await waitFor('nginx', () => backendReady(url), 10000, nginx);
    log(`scale: ${PORTS.length} backends behind nginx :${NGINX_PORT}; ${N} submissions, concurrency ${C}`);
    const bearer = tokenSource(realm, 'resident1');
    await bearer();
    const latencies = [];
    const started = now();
    const outcomes = await pool(N, C, async (i) => {
      const t = now();
      const o = await submitOnce(() => url, bearer, seed, i);
      latencies.push(now() - t);
      return o;
    });
    const seconds = (now() - started) / 1000;
    const acked = outcomes.filter((o) => o.final.status === 201).map((o) => o.final.json());
    const numbers = new Set(acked.map((a) => a.intakeNumber));
    const sorted = latencies.sort((a, b) => a - b);
    result.submissions = N;
    result.concurrency = C;
    result.seconds = seconds;
    result.submissionsPerSecond = N / seconds;
    result.latencyMs = { p50: sorted[Math.floor(sorted.length * 0.5)], p95: sorted[Math.floor(sorted.length * 0.95)] };
    result.acknowledged = acked.length;
    result.perInstance = Object.fromEntries(PORTS.map((p, k) => [`backend-${k + 1}`, null]));
    result.invariants = {
      acknowledgedNumbersDistinct: numbers.size === acked.length,
      acknowledgedLost: acked.length - Number(q(`select count(*) from intake where id = any(array[${acked.map((a) => `'${a.id}'`).join(',') || 'null'}]::uuid[])`)),
      duplicateIntakeNumbers: Number(q('select count(*) - count(distinct intake_number) from intake')),
      intakes: Number(q('select count(*) from intake')),
      partialFanOuts: Number(q(`select count(*) from intake i join outbox_event o on o.aggregate_id = i.id and o.event_type = 'INTAKE_SUBMITTED'
        where (select count(*) from program_case c where c.intake_id = i.id) <> jsonb_array_length(o.payload->'programs')`)),
      intakesWithoutExactlyOneOutboxRow: Number(q(`select count(*) from intake i where (select count(*) from outbox_event o
        where o.aggregate_id = i.id and o.event_type = 'INTAKE_SUBMITTED') <> 1`)),
      intakesWithoutAudit: Number(q(`select count(*) from intake i where not exists (select 1 from audit_event a where a.object_id = i.id::text)`)),
    };
    // each outbox row delivered once: the delivery workers of both instances claim from the one table; wait until
    // every submission's event reached the resident's inbox, then look for a second inbox row or channel delivery
    const undelivered = () => Number(q(`select count(*) from outbox_event o where o.event_type = 'INTAKE_SUBMITTED'
      and not exists (select 1 from inbox_message m where m.outbox_id = o.id)`));
    const waitUntil = now() + 120_000;
    while (undelivered() > 0 && now() < waitUntil) await new Promise((r) => setTimeout(r, 1000));
    Object.assign(result.invariants, {
      eventsNotInInbox: undelivered(),
      inboxRowsTwiceForOneEvent: Number(q('select count(*) - count(distinct outbox_id) from inbox_message')),
      channelDeliveredTwice: Number(q('select count(*) from (select 1 from notification_delivery group by outbox_id, channel having count(*) > 1) t')),
    });
    result.deliveredByWorker = Object.fromEntries(q(`select w || '=' || n from (select coalesce(claimed_by, '-') as w, count(*) as n
      from outbox_event where event_type = 'INTAKE_SUBMITTED' group by 1) t`).split('\n').filter(Boolean).map((l) => l.split('=')));
    const inv = result.invariants;
    result.ok = inv.eventsNotInInbox === 0 && inv.inboxRowsTwiceForOneEvent === 0 && inv.channelDeliveredTwice === 0 && acked.length === N && inv.acknowledgedNumbersDistinct && inv.acknowledgedLost === 0 && inv.duplicateIntakeNumbers === 0
      && inv.intakes === N && inv.partialFanOuts === 0 && inv.intakesWithoutExactlyOneOutboxRow === 0 && inv.intakesWithoutAudit === 0;
    // both instances served: each backend's own readiness plus a direct check that each answers
    for (const [k, port] of PORTS.entries()) {
      result.perInstance[`backend-${k + 1}`] = (await call(`http://127.0.0.1:${port}/q/health/ready`)).status === 200 ? 'up' : 'down';
    }
  } finally {
    await nginx.stop();
    for (const b of backends) await b.stop();
    await s3.stop();
    pg.stop('fast');
  }
  const name = smoke ? 'results-smoke' : 'results';
  fs.writeFileSync(path.join(here, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  const md = [`# Scale out on one machine (${result.mode}, ${result.startedAt})`, '',
    '| instances | submissions | concurrency | seconds | submissions/s | p50 ms | p95 ms | unique numbers | lost | partial fan-outs | outbox rows != 1 | missing audit | events not in inbox | delivered twice | delivering workers | result |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${result.instances} behind nginx | ${result.submissions} | ${result.concurrency} | ${result.seconds?.toFixed(1)} | ${result.submissionsPerSecond?.toFixed(1)} | ${result.latencyMs?.p50} | ${result.latencyMs?.p95} | ${result.invariants?.acknowledgedNumbersDistinct && result.invariants?.duplicateIntakeNumbers === 0 ? 'yes' : 'NO'} | ${result.invariants?.acknowledgedLost} | ${result.invariants?.partialFanOuts} | ${result.invariants?.intakesWithoutExactlyOneOutboxRow} | ${result.invariants?.intakesWithoutAudit} | ${result.invariants?.eventsNotInInbox} | ${(result.invariants?.inboxRowsTwiceForOneEvent ?? 0) + (result.invariants?.channelDeliveredTwice ?? 0)} | ${Object.keys(result.deliveredByWorker ?? {}).length} | ${result.ok ? 'ok' : '**FAILED**'} |`, ''].join('\n');
  fs.writeFileSync(path.join(here, `${name}.md`), md);
  console.log(md);
  console.log(`scale: ${result.ok ? 1 : 0} passed, ${result.ok ? 0 : 1} failed`);
  return result.ok ? 0 : 1;
}

process.exitCode = await main();
