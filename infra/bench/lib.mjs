// Shared pieces of the fault and scale-out harnesses (no npm packages: Node 20's fetch, child_process, zlib).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => Number(process.hrtime.bigint() / 1000000n);
export function log(...args) {
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
}

export const PGBIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL binary as the postgres OS user when we are root (PostgreSQL refuses to run as root). */
export function pgCmd(bin, args, opts = {}) {
  const cmd = asRoot ? ['runuser', ['-u', 'postgres', '--', `${PGBIN}/${bin}`, ...args]] : [`${PGBIN}/${bin}`, args];
  return execFileSync(cmd[0], cmd[1], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...opts });
}
export function chownPg(p) {
  if (asRoot) execFileSync('chown', ['-R', 'postgres', p]);
}

/** A private PostgreSQL cluster (own data directory, port and socket), created on first use. */
export class PrivatePostgres {
  constructor(dir, port) {
    this.dir = dir;
    this.data = path.join(dir, 'pg');
    this.sock = path.join(dir, 'pg-socket');
    this.port = port;
    this.logFile = path.join(dir, 'postgres.log');
  }

  init() {
    fs.mkdirSync(this.dir, { recursive: true });
    // The postgres user must be able to reach the data directory through every parent.
    for (let d = path.resolve(this.dir); d !== '/'; d = path.dirname(d)) {
      const mode = fs.statSync(d).mode;
      if (asRoot && !(mode & 0o001)) fs.chmodSync(d, mode | 0o001);
    }
    fs.mkdirSync(this.sock, { recursive: true });
    fs.writeFileSync(this.logFile, '', { flag: 'a' });
    chownPg(this.sock);
    chownPg(this.logFile);
    if (!fs.existsSync(path.join(this.data, 'PG_VERSION'))) {
      fs.rmSync(this.data, { recursive: true, force: true });
      fs.mkdirSync(this.data, { mode: 0o700 });
      chownPg(this.data);
      pgCmd('initdb', ['-D', this.data, '-U', asRoot ? 'postgres' : process.env.USER ?? 'postgres', '-E', 'UTF8',
        '--locale=C.UTF-8', '--auth-local=peer', '--auth-host=scram-sha-256']);
      fs.appendFileSync(path.join(this.data, 'postgresql.conf'), `
# --- infra/bench: private cluster for fault and scale-out runs ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '${this.sock}'
max_connections = 200
shared_buffers = 128MB
fsync = on
synchronous_commit = on
`);
    }
  }

  running() {
    try { pgCmd('pg_ctl', ['status', '-D', this.data]); return true; } catch { return false; }
  }

  start() {
    if (this.running()) return;
    pgCmd('pg_ctl', ['start', '-D', this.data, '-w', '-t', '60', '-l', this.logFile, '-o', `-p ${this.port}`]);
  }

  stop(mode = 'fast') {
    if (!this.running()) return;
    pgCmd('pg_ctl', ['stop', '-D', this.data, '-m', mode, '-w', '-t', '60']);
  }

  sql(db, text) {
    const args = ['-h', this.sock, '-p', String(this.port), '-U', asRoot ? 'postgres' : process.env.USER, '-d', db, '-qAt',
      '-v', 'ON_ERROR_STOP=1'];
    // a long statement (e.g. 20,000 acknowledged ids) goes through stdin: one argument may not exceed 128 KiB
    if (text.length > 60000) return pgCmd('psql', [...args, '-f', '-'], { input: text, maxBuffer: 64 << 20 }).trim();
    return pgCmd('psql', [...args, '-c', text]).trim();
  }

  /** Fresh database owned by PG_USER, plus the app role the backend runs as (see infra/bin/stack). */
  freshDatabase(db) {
    this.sql('postgres', `SELECT 'CREATE ROLE assistance LOGIN CREATEDB PASSWORD ''assistance''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assistance')`);
    for (const q of [
      `DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assistance') THEN CREATE ROLE assistance LOGIN CREATEDB PASSWORD 'assistance'; END IF; END$$`,
      `DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assistance_app') THEN CREATE ROLE assistance_app LOGIN PASSWORD 'assistance_app'; END IF; END$$`,
      `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`,
      `CREATE DATABASE ${db} OWNER assistance`,
    ]) this.sql('postgres', q);
  }
}

/** One process we started, in its own process group, with its output in a log file. */
export class Proc {
  constructor(name, cmd, args, { env = {}, logFile, cwd } = {}) {
    Object.assign(this, { name, cmd, args, env, logFile, cwd });
  }

  start() {
    const out = fs.openSync(this.logFile, 'a');
    fs.writeSync(out, `=== ${new Date().toISOString()} starting ${this.name}\n`);
    this.child = spawn(this.cmd, this.args, { env: { ...process.env, ...this.env }, cwd: this.cwd,
      stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    return this;
  }

  get pid() { return this.child?.pid; }
  alive() { return this.child && this.child.exitCode === null && this.child.signalCode === null; }

  signal(sig) {
    if (this.alive()) process.kill(this.child.pid, sig);
  }

  async kill9() {
    if (!this.alive()) return;
    process.kill(this.child.pid, 'SIGKILL');
    await this.exited;
  }

  async stop() {
    if (!this.alive()) return;
    process.kill(this.child.pid, 'SIGCONT');
    process.kill(this.child.pid, 'SIGTERM');
    const t = setTimeout(() => { if (this.alive()) process.kill(this.child.pid, 'SIGKILL'); }, 15000);
    await this.exited;
    clearTimeout(t);
  }
}

export async function waitFor(what, check, timeoutMs, proc) {
  const until = now() + timeoutMs;
  for (;;) {
    try { if (await check()) return; } catch { /* not yet */ }
    if (proc && !proc.alive()) throw new Error(`${what}: process exited (see ${proc.logFile})`);
    if (now() > until) throw new Error(`${what}: not ready after ${timeoutMs} ms${proc ? ` (see ${proc.logFile})` : ''}`);
    await sleep(100);
  }
}

export function backendProc(root, name, port, env, logDir) {
  // the shipped JVM options (backend/jvm.options)
  return new Proc(name, 'java', [`@${path.join(root, 'backend/jvm.options')}`, '-jar', path.join(root, 'backend/target/quarkus-app/quarkus-run.jar')], {
    env: { MALLOC_ARENA_MAX: '2', HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', ASSISTANCE_SCREENING_BURST: '1000000',
      ASSISTANCE_SCREENING_REQUESTS_PER_MINUTE: '1000000', ...env },
    logFile: path.join(logDir, `${name}.log`), cwd: root,
  });
}

export async function backendReady(url) {
  const r = await fetch(`${url}/q/health/ready`, { signal: AbortSignal.timeout(1000) });
  return r.status === 200;
}

export function s3proxyProc(root, dir, port) {
  const props = path.join(dir, 's3proxy.properties');
  fs.mkdirSync(path.join(dir, 's3'), { recursive: true });
  fs.writeFileSync(props, `s3proxy.endpoint=http://127.0.0.1:${port}
s3proxy.authorization=aws-v4
s3proxy.identity=assistance
s3proxy.credential=assistance-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=${path.join(dir, 's3')}
`);
  const jar = fs.readdirSync(path.join(root, 'infra/.local/dist')).find((f) => /^s3proxy-.*-jar-with-dependencies\.jar$/.test(f));
  if (!jar) throw new Error('s3proxy jar missing in infra/.local/dist (run infra/bin/stack up once)');
  return new Proc('s3proxy', 'java', ['-Xmx192m', '-jar', path.join(root, 'infra/.local/dist', jar), '--properties', props],
    { logFile: path.join(dir, 's3proxy.log'), cwd: dir });
}

export async function s3Answers(port) {
  const r = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
  return r.status > 0;
}

// ------------------------------------------------------------------ client side

/*
 * Tokens: one per (realm, user) in this process, shared by every worker, fetched single-flight.
 *
 * Why: Keycloak refuses CONCURRENT logins of one user while brute-force protection is on (`user_temporarily_disabled`,
 * without any failed password; its upgrading guide, "Concurrent login requests are blocked by default when brute
 * force is enabled", and keycloak#33527; measured on the stack's 26.7: 4 parallel grants, one 200, three refused). The old client let each of 12 workers
 * log in at once at the start and again every 5 minutes, retrying in lockstep (1, 2, 3, 4 s), so most of them
 * failed every round and the scenario died on "login failed". Here only one request per user is ever in flight;
 * the token is renewed a minute before it expires (refresh grant, password grant if that fails), and a refusal
 * (e.g. another process logging the same user in at that instant) is retried after a jittered back-off.
 */
const tokenSources = new Map();

async function tokenGrant(realm, params) {
  const r = await fetch(`${realm}/protocol/openid-connect/token`, { method: 'POST', body: new URLSearchParams(params),
    signal: AbortSignal.timeout(15000) });
  const text = await r.text();
  if (!r.ok) throw new Error(`HTTP ${r.status} ${text.slice(0, 200)}`);
  const t = JSON.parse(text);
  const at = now();
  return { access: t.access_token, refresh: t.refresh_token, expiresAt: at + t.expires_in * 1000,
    refreshExpiresAt: t.refresh_expires_in ? at + t.refresh_expires_in * 1000 : 0 };
}

async function login(realm, username, current) {
  if (current?.refresh && now() < current.refreshExpiresAt - 30000) {
    try {
      return await tokenGrant(realm, { grant_type: 'refresh_token', client_id: 'portal-cli', refresh_token: current.refresh });
    } catch (e) {
      log(`token: refresh of ${username} failed (${e.message.slice(0, 120)}), logging in again`);
    }
  }
  let last = '';
  const until = now() + 180000; // a temporary lockout of the realm lasts 60 s at first (minimumQuickLoginWaitSeconds)
  for (let attempt = 0; ; attempt++) {
    try {
      return await tokenGrant(realm, { grant_type: 'password', client_id: 'portal-cli', username, password: 'demo1234', scope: 'openid' });
    } catch (e) {
      last = e.message;
      if (now() > until) break;
      const wait = Math.min(15000, 500 * 2 ** attempt) * (0.5 + Math.random());
      log(`token: login of ${username} refused (${last.slice(0, 120)}), again in ${Math.round(wait)} ms`);
      await sleep(wait);
    }
  }
  throw new Error(`login of ${username} failed: ${last}`);
}

/** A function that returns a valid access token of `username`; the same one for every caller in this process. */
export function tokenSource(realm, username) {
  const k = `${realm} ${username}`;
  if (tokenSources.has(k)) return tokenSources.get(k);
  let current = null;
  let inflight = null;
  const source = async () => {
    if (current && now() < current.expiresAt - 60000) return current.access;
    if (!inflight) {
      inflight = login(realm, username, current).then((t) => { current = t; return t.access; })
        .finally(() => { inflight = null; });
      // callers that keep the still-valid token do not wait for it: its failure must not be an unhandled rejection
      inflight.catch(() => {});
    }
    // while the renewal runs, a token that is still valid for a while is as good
    if (current && now() < current.expiresAt - 10000) return current.access;
    return inflight;
  };
  tokenSources.set(k, source);
  return source;
}

export async function residentToken(realm, username) {
  return tokenSource(realm, username)();
}

export const household = {
  regionCode: '140105', hukou: 'URBAN', asOf: null,
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
/** A valid national id number for each (seed, i), all distinct (i < 10^6), never a real person's. */
export function nationalId(seed, i) {
  const n = seed * 1000000 + i;
  const seq = n % 1000;
  const m = Math.floor(n / 1000);
  const day = 1 + (m % 28), m2 = Math.floor(m / 28);
  const month = 1 + (m2 % 12), m3 = Math.floor(m2 / 12);
  const year = 1950 + (m3 % 50), region = 110000 + (Math.floor(m3 / 50) % 800000);
  const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, k) => s + Number(c) * WEIGHTS[k], 0);
  return body + '10X98765432'[sum % 11];
}

/** Fetch with a deadline; network failures come back as status 0 instead of throwing. */
export async function call(url, { method = 'GET', headers = {}, body, timeoutMs = 10000 } = {}) {
  const started = now();
  try {
    const r = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await r.text();
    return { status: r.status, type: r.headers.get('content-type') ?? '', retryAfter: r.headers.get('retry-after'),
      text, ms: now() - started, json: () => JSON.parse(text) };
  } catch (e) {
    return { status: 0, type: '', text: String(e.cause?.code ?? e.name ?? e), ms: now() - started, json: () => null };
  }
}

export const isProblem = (r) => r.type.startsWith('application/problem+json');

/**
 * One submission as a careful client makes it: save a draft (retried until it exists), then submit it with one
 * Idempotency-Key, retried with the SAME key until a final answer (anything but a network error, 5xx or 409
 * in-flight). Returns the final answer with the key and the applicant's index. Back-off 50 ms doubling to 0.5 s:
 * after a restart of the backend a waiting client is back within half a second.
 */
export async function submitOnce(backend, bearer, seed, i, { deadlineMs = 180000, onAttempt } = {}) {
  const until = now() + deadlineMs;
  const auth = async () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${await bearer()}` });
  let draftId = null;
  let backoff = 50;
  while (!draftId) {
    const r = await call(`${backend()}/api/v1/drafts`, { method: 'POST', headers: await auth(), body: JSON.stringify({
      household, chosenPrograms: null,
      applicant: { name: '压测', nationalId: nationalId(seed, i), phone: '13800000000', address: null } }) });
    onAttempt?.('draft', r);
    if (r.status === 201) draftId = r.json().id;
    else if (r.status >= 400 && r.status < 500 && r.status !== 429) return { key: null, i, final: r, attempts: 0 };
    else {
      if (now() > until) return { key: null, i, final: r, attempts: 0, gaveUp: true };
      await sleep(backoff); backoff = Math.min(500, backoff * 2);
    }
  }
  const key = crypto.randomUUID();
  backoff = 50;
  for (let attempts = 1; ; attempts++) {
    const r = await call(`${backend()}/api/v1/intakes`, { method: 'POST',
      headers: { ...(await auth()), 'Idempotency-Key': key }, body: JSON.stringify({ draftId, consent: true }) });
    onAttempt?.('submit', r);
    const retry = r.status === 0 || r.status >= 500 || r.status === 429 || (r.status === 409 && r.text.includes('idempotency-in-flight'));
    if (!retry) return { key, i, draftId, final: r, attempts };
    if (now() > until) return { key, i, draftId, final: r, attempts, gaveUp: true };
    await sleep(backoff); backoff = Math.min(500, backoff * 2);
  }
}

/** A small valid PNG, different for every n (so the same bytes are never uploaded twice). */
export function png(n) {
  const w = 8, h = 8;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w * 3; x++) raw[y * (w * 3 + 1) + 1 + x] = (n * 31 + x * 7 + y * 13 + (n >> (x % 24))) & 0xff;
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(td) : crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function percentile(samples, q) {
  if (!samples.length) return null;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Runs `n` jobs with at most `c` at a time. */
export async function pool(n, c, job) {
  let next = 0;
  const results = new Array(n);
  await Promise.all(Array.from({ length: Math.min(c, n) }, async () => {
    while (next < n) {
      const i = next++;
      results[i] = await job(i);
    }
  }));
  return results;
}
