// Demo data through the real API, as residents would enter it: resident1 has a submitted intake (worked
// example A of programs-spec.md), resident2 a saved draft (example B). Safe to run again: the submission reuses
// a fixed Idempotency-Key and drafts are only created when the resident has none.
const backend = process.argv[2] ?? 'http://127.0.0.1:8080';
const realm = process.env.OIDC_AUTH_SERVER_URL ?? 'http://127.0.0.1:8180/realms/assistance';

async function token(username) {
  const answer = await fetch(`${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'portal-cli', username, password: 'demo1234' }),
  });
  if (!answer.ok) throw new Error(`login of ${username} failed: HTTP ${answer.status}`);
  return (await answer.json()).access_token;
}

async function call(bearer, method, path, body, headers = {}) {
  const answer = await fetch(backend + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${method} ${path}: HTTP ${answer.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const member = (id, relationship, birthDate, extra = {}) => ({
  id, relationship, birthDate, disabilityGrade: null, seriousIllness: false, schooling: 'NONE',
  employment: 'UNEMPLOYED', monthlyIncome: 0, parentsUnableToRaise: false, ...extra,
});
const household = (hukou, members) => ({
  regionCode: '140105', hukou, asOf: null, members,
  assets: { financialAssets: 0, nonEssentialVehicles: 0, ownedHomes: 1 },
  rigidExpenditure12m: { medical: 0, education: 0 }, hasAbleSupporter: false, housing: 'ADEQUATE', suddenEvent: null,
});

const familyA = household('URBAN', [
  member('m1', 'APPLICANT', '1986-03-01'),
  member('m2', 'SPOUSE', '1988-05-10', { employment: 'EMPLOYED', monthlyIncome: 900 }),
  member('m3', 'CHILD', '2016-09-01', { schooling: 'PRIMARY', employment: 'NOT_IN_LABOUR_FORCE' }),
]);
const elderB = household('RURAL', [
  member('m1', 'APPLICANT', '1954-02-11', { disabilityGrade: 2, employment: 'NOT_IN_LABOUR_FORCE' }),
]);

const resident1 = await token('resident1');
// resident1 is real-name bound to the applicant of example A (idempotent), so a mini-program login with the same
// id sees the same applications
await call(resident1, 'PUT', '/api/v1/me/real-name', { nationalId: '140105198603010019', name: '李明' });
if ((await call(resident1, 'GET', '/api/v1/intakes')).length === 0) {
  const draft = await call(resident1, 'POST', '/api/v1/drafts', {
    household: familyA, chosenPrograms: null, situation: '丈夫失业半年，妻子打零工，孩子上小学。',
    applicant: { name: '李明', nationalId: '140105198603010019', phone: '13800001111', address: '太原市小店区北营街道 1 号' },
  });
  await call(resident1, 'POST', '/api/v1/intakes', { draftId: draft.id, consent: true },
    { 'Idempotency-Key': '6f1c2d3e-0000-4000-8000-00000000000a' });
}
const resident2 = await token('resident2');
if ((await call(resident2, 'GET', '/api/v1/drafts')).length === 0) {
  await call(resident2, 'POST', '/api/v1/drafts', {
    household: elderB, chosenPrograms: null, situation: '老人独居，二级残疾，无子女。',
    applicant: { name: '王秀英', nationalId: null, phone: '13900002222', address: '小店区刘家堡乡' },
  });
}
console.log('Demo data ready: resident1 has a submitted application, resident2 a saved draft.');
