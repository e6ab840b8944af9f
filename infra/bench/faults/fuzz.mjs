// Malformed requests over every endpoint of the OpenAPI document: wrong types, huge values, bad UTF-8, missing and
// unknown fields, broken JSON, wrong content types and path parameters. Every answer must be below 500 and every
// refusal problem+json; no table may change.
import { call, isProblem, residentToken, household } from '../lib.mjs';

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

const BAD_UTF8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x22, 0x7d]);
const PATH_VALUES = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '1', 'x'.repeat(3000), '%ff%fe%c3%28',
  '..%2F..%2Fetc', '%00', '-1', '9999999999999999999999', 'null', "'%20or%201=1--"];

// A valid household with one field broken, so that each request is malformed in one specific way.
function brokenHousehold(r) {
  const h = structuredClone(household);
  const m = h.members[Math.floor(r() * h.members.length)];
  const mutations = [
    () => { h.regionCode = 140105; },
    () => { h.hukou = 'MARS'; },
    () => { h.asOf = '2026-13-45'; },
    () => { m.birthDate = 12; },
    () => { m.monthlyIncome = 1e308; },
    () => { m.monthlyIncome = -5; },
    () => { m.monthlyIncome = '900'; },
    () => { m.disabilityGrade = 99; },
    () => { h.members = Array.from({ length: 5000 }, () => structuredClone(m)); },
    () => { h.members = []; },
    () => { delete h.members; h.unknownField = true; },
    () => { h.assets = 'none'; },
    () => { h.assets.financialAssets = 1e309; },
    () => { h.rigidExpenditure12m = [1, 2]; },
    () => { m.relationship = null; },
    () => { m.id = 'x'.repeat(100000); },
    () => { h.housing = { deep: { deeper: { deepest: [] } } }; },
    () => { delete m.id; m.extra = 'unknown'; },
  ];
  mutations[Math.floor(r() * mutations.length)]();
  return h;
}

function nested(depth) {
  let s = '1';
  for (let i = 0; i < depth; i++) s = `{"a":${s}}`;
  return s;
}

function bodies(r) {
  const kinds = [
    () => ({ body: '{', type: 'application/json' }),
    () => ({ body: '', type: 'application/json' }),
    () => ({ body: 'null', type: 'application/json' }),
    () => ({ body: '[]', type: 'application/json' }),
    () => ({ body: '"text"', type: 'application/json' }),
    () => ({ body: '12345678901234567890123456789', type: 'application/json' }),
    () => ({ body: '{}', type: 'application/json' }),
    () => ({ body: '{"unknown": 1, "other": [true]}', type: 'application/json' }),
    () => ({ body: BAD_UTF8, type: 'application/json' }),
    () => ({ body: `{"household": ${'['.repeat(2000)}${']'.repeat(2000)}}`, type: 'application/json' }),
    () => ({ body: nested(3000), type: 'application/json' }),
    () => ({ body: JSON.stringify({ household: brokenHousehold(r), chosenPrograms: 'ALL', applicant: 7 }), type: 'application/json' }),
    () => ({ body: JSON.stringify({ household: brokenHousehold(r), applicant: { name: 5, nationalId: ['x'], phone: {} } }), type: 'application/json' }),
    () => ({ body: JSON.stringify(brokenHousehold(r)), type: 'application/json' }),
    () => ({ body: JSON.stringify({ draftId: 'nope', consent: 'yes' }), type: 'application/json' }),
    () => ({ body: JSON.stringify({ draftId: 12, consent: null, extra: 'x'.repeat(50000) }), type: 'application/json' }),
    () => ({ body: JSON.stringify({ reason: 7, decision: 'MAYBE', amount: 'lots', date: '2026-02-30' }), type: 'application/json' }),
    () => ({ body: JSON.stringify({ name: null, nationalId: 11010519900101123, phone: -1 }), type: 'application/json' }),
    () => ({ body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' }),
    () => ({ body: '<xml/>', type: 'application/xml' }),
    () => ({ body: '{"a":1}', type: 'text/plain' }),
    () => ({ body: '--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nNOPE\r\n--x--\r\n', type: 'multipart/form-data; boundary=x' }),
    () => ({ body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nnot a png\r\n--x', type: 'multipart/form-data; boundary=x' }),
    () => ({ body: 'garbage', type: 'multipart/form-data' }),
  ];
  return kinds[Math.floor(r() * kinds.length)]();
}

function headerVariants(r) {
  const v = [
    {},
    { 'Idempotency-Key': 'not-a-uuid' },
    { 'Idempotency-Key': '' },
    { 'If-Match': 'W/"garbage"' },
    { 'If-Match': '"-1"' },
    { 'Accept-Language': 'x'.repeat(4000) },
  ];
  return v[Math.floor(r() * v.length)];
}

export async function fuzz({ backendUrl, realm, n, seed, countRows }) {
  const spec = JSON.parse((await call(`${backendUrl}/q/openapi?format=json`)).text);
  const ops = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (item[method]) ops.push({ path: p, method: method.toUpperCase() });
  }
  const tokens = [null];
  for (const u of ['resident1', 'caseworker1', 'approver1', 'admin1', 'auditor1', 'hotline1']) {
    tokens.push(await residentToken(realm, u).catch(() => null));
  }
  const r = rng(seed);
  const before = countRows();
  const out = { requests: 0, endpoints: ops.length, serverErrors: 0, notProblemJson: 0, accepted: 0, byStatus: {},
    examples5xx: [], examplesNotProblem: [], examplesAccepted: [] };
  let i = 0;
  const worker = async () => {
    while (i < n) {
      const k = i++;
      const op = ops[k % ops.length];
      const p = op.path.replace(/\{[^}]+\}/g, () => PATH_VALUES[Math.floor(r() * PATH_VALUES.length)]);
      const token = tokens[1 + Math.floor(r() * (tokens.length - 1))] ?? null;
      const headers = { ...headerVariants(r) };
      if (token && r() > 0.05) headers.Authorization = `Bearer ${token}`;
      else if (r() > 0.5) headers.Authorization = 'Bearer not.a.jwt';
      let body;
      if (op.method !== 'GET' && op.method !== 'DELETE') {
        const b = bodies(r);
        body = b.body;
        headers['Content-Type'] = b.type;
      }
      // GETs and DELETEs are malformed through their path and query: a bad parameter on every call
      const query = op.method === 'GET' ? `?page=-1&size=${r() > 0.5 ? '99999999999' : 'abc'}&status=NOPE&from=2026-99-99` : '';
      const a = await call(`${backendUrl}${p}${query}`, { method: op.method, headers, body, timeoutMs: 15000 });
      out.requests++;
      out.byStatus[a.status] = (out.byStatus[a.status] ?? 0) + 1;
      const sample = { method: op.method, path: op.path, status: a.status, type: a.type, body: a.text.slice(0, 160) };
      if (a.status >= 500 || a.status === 0) {
        out.serverErrors++;
        if (out.examples5xx.length < 10) out.examples5xx.push(sample);
      } else if (a.status === 414 || a.status === 431) {
        // refused by the HTTP server before any routing (request line or headers over its limit): no body at all
        out.refusedBeforeRouting = (out.refusedBeforeRouting ?? 0) + 1;
      } else if (a.status >= 400 && !isProblem(a)) {
        out.notProblemJson++;
        if (out.examplesNotProblem.length < 10) out.examplesNotProblem.push(sample);
      } else if (a.status < 400) {
        out.accepted++;
        if (out.examplesAccepted.length < 10) out.examplesAccepted.push(sample);
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  const after = countRows();
  out.rowsChanged = before !== after;
  if (out.rowsChanged) out.rows = { before, after };
  out.problemJsonShare = (out.requests - out.serverErrors - out.notProblemJson - out.accepted) / out.requests;
  out.ok = out.serverErrors === 0 && out.notProblemJson === 0 && !out.rowsChanged;
  return out;
}
