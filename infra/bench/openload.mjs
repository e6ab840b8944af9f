// Open-model load (fixed arrival rate): requests are sent on a Poisson schedule whatever the answers do, and each
// latency is measured from the request's INTENDED send time, so a stalled server is charged for the requests that
// queued behind it (no coordinated omission; a closed loop such as wrk or ratio.mjs measures only throughput).
// Latencies go into an HdrHistogram (hdr-histogram-js, microseconds, 3 significant digits). The raw side is pgbench
// with -R (the same Poisson schedule; its per-transaction log counts latency from the scheduled start too).
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import hdr from 'hdr-histogram-js';

export const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
const ms = (us) => Number((us / 1000).toFixed(2));

/** CPU seconds of a process (user + system) from /proc, or null when it is gone. */
export function cpuSeconds(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch { return null; }
}
/** Busy and total jiffies of the whole machine. */
export function machineCpu() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
/** Where the CPU went during a window: the machine's busy share, the backend's and this client's cores. */
export function cpuWindow(backendPid) {
  const m0 = machineCpu(), b0 = backendPid ? cpuSeconds(backendPid) : null, c0 = process.cpuUsage(), t0 = performance.now();
  return () => {
    const m1 = machineCpu(), b1 = backendPid ? cpuSeconds(backendPid) : null, c1 = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    return {
      machineBusy: Number(((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)).toFixed(2)),
      backendCores: b0 !== null && b1 !== null ? Number(((b1 - b0) / wall).toFixed(2)) : null,
      clientCores: Number(((c1.user + c1.system) / 1e6 / wall).toFixed(2)),
    };
  };
}

/**
 * Sends `rate` requests per second for `seconds` (Poisson arrivals). `request(i)` gives {method, path, headers, body}.
 * Answers the latency histogram of all answers and of the 2xx ones, status counts, Retry-After presence, and a
 * timeline of one-second buckets by intended send time (sent, 2xx, refused 429/503, other, p99 ms).
 */
export async function openLoad({ url, rate, seconds, request, maxSockets = 64, timeoutMs = 30000, phases }) {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const all = newHistogram();
  const ok = newHistogram();
  const refused = newHistogram();
  const status = {};
  const buckets = [];
  let retryAfter = 0, refusedCount = 0, inFlight = 0, maxInFlight = 0, i = 0;
  // the schedule: phases [{rate, seconds}] one after another, or one phase
  const plan = phases ?? [{ rate, seconds }];
  const total = plan.reduce((s, p) => s + p.seconds, 0);
  const start = performance.now();
  const pending = [];
  let t = 0;
  let phaseStart = 0;
  for (const phase of plan) {
    const end = phaseStart + phase.seconds * 1000;
    while (true) {
      t += (-Math.log(1 - Math.random()) * 1000) / phase.rate;
      if (t >= end) { t = end; break; }
      const intended = start + t;
      let wait = intended - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const n = i++;
      const second = Math.floor(t / 1000);
      const b = (buckets[second] ??= { sent: 0, ok: 0, refused: 0, other: 0, h: newHistogram() });
      b.sent++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push(send(agent, base, request(n), timeoutMs).then((a) => {
        inFlight--;
        const us = Math.max(1, Math.round((performance.now() - intended) * 1000));
        all.recordValue(us);
        b.h.recordValue(us);
        status[a.status] = (status[a.status] ?? 0) + 1;
        if (a.status >= 200 && a.status < 300) { ok.recordValue(us); b.ok++; }
        else if (a.status === 429 || a.status === 503) {
          refused.recordValue(us); b.refused++; refusedCount++;
          if (a.retryAfter) retryAfter++;
        } else b.other++;
        a.completedAt = (performance.now() - start) / 1000;
        return a;
      }));
    }
    phaseStart = end;
  }
  const answers = await Promise.all(pending);
  agent.destroy();
  const wall = (performance.now() - start) / 1000;
  const summary = (h) => (h.totalCount ? { count: h.totalCount, p50: ms(h.getValueAtPercentile(50)), p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)), p999: ms(h.getValueAtPercentile(99.9)), max: ms(h.maxValue) } : { count: 0 });
  return {
    plannedSeconds: total, wallSeconds: Number(wall.toFixed(1)), sent: i, offeredPerSecond: Number((i / total).toFixed(1)),
    status, latency: summary(all), okLatency: summary(ok), refusedLatency: summary(refused),
    refused: refusedCount, refusedWithRetryAfter: retryAfter, maxInFlight,
    timeline: buckets.map((b, s) => ({ second: s, sent: b?.sent ?? 0, ok: b?.ok ?? 0, refused: b?.refused ?? 0, other: b?.other ?? 0,
      p99: b ? ms(b.h.getValueAtPercentile(99)) : null })),
    completions: answers.map((a) => [a.completedAt, a.status]),
  };
}

function send(agent, base, { method = 'GET', path: p, headers = {}, body }, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path: p,
      headers: body ? { ...headers, 'Content-Length': Buffer.byteLength(body) } : headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0 }));
    if (body) req.write(body);
    req.end();
  });
}

/**
 * pgbench at a fixed Poisson rate (-R) with a per-transaction log; the p99 is taken from the log (latency from the
 * scheduled start, so the same no-coordinated-omission measure as openLoad). Answers the latency summary.
 */
export function pgbenchOpen({ bin, connArgs, db, env, script, rate, seconds, clients = 8, dir }) {
  const prefix = path.join(dir, `pgbench-open-${path.basename(script, '.sql')}`);
  for (const f of fs.readdirSync(dir)) if (f.startsWith(path.basename(prefix))) fs.rmSync(path.join(dir, f));
  const out = retry(() => execFileSync(bin, [...connArgs, '-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-R', String(rate),
    '-T', String(seconds), '-l', '--log-prefix', prefix, '-f', script, db], { env, encoding: 'utf8', cwd: dir, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] }));
  const h = newHistogram();
  let skipped = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.startsWith(path.basename(prefix)))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const c = line.split(' ');
      if (c.length < 6) continue;
      if (c[2] === 'skipped') { skipped++; continue; }
      h.recordValue(Math.max(1, Number(c[2])));
    }
    fs.rmSync(path.join(dir, f));
  }
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
  return { rate, seconds, clients, tps, skipped, count: h.totalCount, p50: ms(h.getValueAtPercentile(50)),
    p99: ms(h.getValueAtPercentile(99)), p999: ms(h.getValueAtPercentile(99.9)), max: ms(h.maxValue) };
}

/** A shared PostgreSQL can be out of connection slots for a moment (other runs): try again twice. */
export function retry(fn) {
  for (let attempt = 1; ; attempt++) {
    try { return fn(); } catch (e) {
      if (attempt >= 3 || !/connection slots|could not create connection/.test(String(e.stderr ?? e.message))) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
    }
  }
}
