// Upload throughput of path 1 (streamed multipart through the backend) against a plain PUT of the same bytes to the
// same S3 server (the presigned URL of path 2, so no signing code is needed here), alternated A B A B ..., median of
// each; optionally the backend's resident memory while 32 uploads of 8 MB run at once.
// Usage: node infra/bench/upload.mjs [backendUrl] [rounds] [sizeMB] [backendPid]
import { readFileSync } from 'node:fs';

const backend = process.argv[2] ?? 'http://127.0.0.1:8080';
const rounds = Number(process.argv[3] ?? 6);
const sizeMb = Number(process.argv[4] ?? 8);
const pid = process.argv[5];
const realm = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';

const household = {
  regionCode: '140105', hukou: 'URBAN', asOf: '2026-11-22',
  members: [{ id: 'm1', relationship: 'APPLICANT', birthDate: '1950-03-01', disabilityGrade: null, seriousIllness: true,
    schooling: 'NONE', employment: 'NOT_IN_LABOUR_FORCE', monthlyIncome: 0, parentsUnableToRaise: false }],
  assets: { financialAssets: 0, nonEssentialVehicles: 0, ownedHomes: 1 },
  rigidExpenditure12m: { medical: 0, education: 0 }, hasAbleSupporter: false, housing: 'ADEQUATE', suddenEvent: null,
};

async function ok(answer, ...expected) {
  if (!expected.includes(answer.status)) throw new Error(`HTTP ${answer.status}: ${await answer.text()}`);
  const text = await answer.text();
  return text && answer.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
}

const bearer = (await ok(await fetch(`${realm}/protocol/openid-connect/token`, { method: 'POST',
  body: new URLSearchParams({ grant_type: 'password', client_id: 'portal-cli', username: 'resident1', password: 'demo1234' }) }),
200)).access_token;
const auth = { Authorization: `Bearer ${bearer}` };

async function newDraft() {
  return (await ok(await fetch(`${backend}/api/v1/drafts`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ household, chosenPrograms: null,
      applicant: { name: '压测', nationalId: '110101195003014517', phone: '13800000000', address: null } }) }), 201)).id;
}

/** A PDF by its magic bytes, random inside so that no two uploads dedupe. */
function pdf(bytes) {
  const body = new Uint8Array(bytes);
  crypto.getRandomValues(body.subarray(0, Math.min(bytes, 65536)));
  for (let i = 65536; i < bytes; i += 65536) body.set(body.subarray(0, Math.min(65536, bytes - i)), i);
  body.set(new TextEncoder().encode(`%PDF-1.4\n%${Date.now()}${Math.random()}\n`), 0);
  body.set(new TextEncoder().encode('\n%%EOF\n'), bytes - 7);
  return body;
}

async function multipart(draftId, bytes) {
  const form = new FormData();
  form.append('type', 'OTHER');
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'bench.pdf');
  const start = performance.now();
  const doc = await ok(await fetch(`${backend}/api/v1/drafts/${draftId}/documents`, { method: 'POST', headers: auth, body: form }), 201);
  const ms = performance.now() - start;
  await ok(await fetch(`${backend}/api/v1/drafts/${draftId}/documents/${doc.id}`, { method: 'DELETE', headers: auth }), 204);
  return ms;
}

async function plainPut(draftId, bytes) {
  const ticket = await ok(await fetch(`${backend}/api/v1/drafts/${draftId}/document-uploads`, { method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'OTHER', size: bytes.length, contentType: 'application/pdf' }) }), 201);
  const start = performance.now();
  await ok(await fetch(ticket.url, { method: 'PUT', headers: ticket.requiredHeaders, body: bytes }), 200);
  const ms = performance.now() - start;
  await ok(await fetch(`${backend}/api/v1/drafts/${draftId}/documents/${ticket.documentId}`, { method: 'DELETE', headers: auth }), 204, 404);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const draftId = await newDraft();
const bytes = sizeMb * 1024 * 1024;
const a = [];
const b = [];
await multipart(draftId, pdf(bytes)); // warm-up of both paths
await plainPut(draftId, pdf(bytes));
for (let i = 0; i < rounds; i++) {
  a.push(await multipart(draftId, pdf(bytes)));
  b.push(await plainPut(draftId, pdf(bytes)));
}
const mbps = (ms) => sizeMb / (ms / 1000);
const result = {
  sizeMB: sizeMb, rounds,
  multipartMBps: Number(mbps(median(a)).toFixed(1)), plainPutMBps: Number(mbps(median(b)).toFixed(1)),
};
result.ratio = Number((result.multipartMBps / result.plainPutMBps).toFixed(2));
result.ratioTarget = 0.7;

if (pid) {
  // 32 uploads of 8 MB at once, spread over drafts (30 documents each at most); peak RSS sampled every 20 ms.
  const drafts = [await newDraft(), await newDraft()];
  const files = Array.from({ length: 32 }, () => pdf(8 * 1024 * 1024));
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 20);
  await Promise.all(files.map((file, i) => multipart(drafts[i % 2], file)));
  clearInterval(sampler);
  result.concurrentUploads = { count: 32, sizeMB: 8, rssBeforeMB: Math.round(before), rssPeakMB: Math.round(peak),
    growthMB: Math.round(peak - before), growthTargetMB: 64 };
}
console.log(JSON.stringify(result, null, 2));
