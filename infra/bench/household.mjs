// The benchmark household (worked example A: three members, region 140105, fanned out to three programs) and
// valid, distinct national ids for its applicants; shared by the benchmark scripts.
export const household = {
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
export function nationalId(i) {
  const body = `330106${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(Math.floor(i / 10) % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, k) => s + Number(c) * WEIGHTS[k], 0);
  return body + '10X98765432'[sum % 11];
}

