/**
 * The household as the calculator's form holds it, and the request body of
 * `POST /api/v1/screenings` built from it (shared/api-conventions.md, programs-spec.md).
 * Amounts are kept as the strings the resident typed; an empty amount counts as 0.
 * Everything stays in memory: nothing here is written to the address or to storage.
 */

export const REGIONS = ['140105', '330106'] as const;
export type RegionCode = (typeof REGIONS)[number];
export const HUKOU = ['URBAN', 'RURAL'] as const;
export type Hukou = (typeof HUKOU)[number];
export const RELATIONSHIPS = ['APPLICANT', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const SCHOOLING = ['NONE', 'PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'COLLEGE'] as const;
export type Schooling = (typeof SCHOOLING)[number];
export const EMPLOYMENT = ['EMPLOYED', 'UNEMPLOYED', 'RETIRED', 'NOT_IN_LABOUR_FORCE'] as const;
export type Employment = (typeof EMPLOYMENT)[number];
export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];
export const HOUSING = ['ADEQUATE', 'NO_HOME_RENTING', 'DILAPIDATED'] as const;
export type Housing = (typeof HOUSING)[number];
export const EVENT_TYPES = ['ACCIDENT', 'FIRE', 'DISASTER', 'SERIOUS_ILLNESS', 'DEATH_OF_EARNER', 'JOB_LOSS'] as const;
export type SuddenEventType = (typeof EVENT_TYPES)[number];

/** The most members the backend accepts. */
export const MAX_MEMBERS = 30;
/** A child under this age may be "parents unable to raise". */
export const CHILD_AGE_LIMIT = 18;

export interface MemberForm {
  /** Local key for the list only; the request numbers members m1, m2, ... in order. */
  key: number;
  relationship: Relationship;
  /** ISO date `YYYY-MM-DD`, '' while not filled in. */
  birthDate: string;
  disabilityGrade: DisabilityGrade | null;
  seriousIllness: boolean;
  schooling: Schooling;
  employment: Employment;
  monthlyIncome: string;
  parentsUnableToRaise: boolean;
}

export interface HouseholdForm {
  regionCode: RegionCode;
  hukou: Hukou;
  members: MemberForm[];
  financialAssets: string;
  nonEssentialVehicles: string;
  ownedHomes: string;
  medical: string;
  education: string;
  hasAbleSupporter: boolean;
  housing: Housing;
  hadEvent: boolean;
  eventType: SuddenEventType;
  eventDate: string;
  eventLoss: string;
}

/** The body of `POST /api/v1/screenings`, exactly as the contract names it. */
export interface ScreeningRequest {
  regionCode: string;
  hukou: Hukou;
  members: {
    id: string;
    relationship: Relationship;
    birthDate: string;
    disabilityGrade: DisabilityGrade | null;
    seriousIllness: boolean;
    schooling: Schooling;
    employment: Employment;
    monthlyIncome: number;
    parentsUnableToRaise: boolean;
  }[];
  assets: { financialAssets: number; nonEssentialVehicles: number; ownedHomes: number };
  rigidExpenditure12m: { medical: number; education: number };
  hasAbleSupporter: boolean;
  housing: Housing;
  suddenEvent: { type: SuddenEventType; date: string; loss: number } | null;
}

let nextKey = 1;

/** A new member with answers that fit most people of that relationship. */
export function newMember(relationship: Relationship): MemberForm {
  const young = relationship === 'CHILD' || relationship === 'GRANDCHILD';
  const old = relationship === 'PARENT' || relationship === 'GRANDPARENT';
  return {
    key: nextKey++,
    relationship,
    birthDate: '',
    disabilityGrade: null,
    seriousIllness: false,
    schooling: young ? 'PRIMARY' : 'NONE',
    employment: young ? 'NOT_IN_LABOUR_FORCE' : old ? 'RETIRED' : 'EMPLOYED',
    monthlyIncome: '',
    parentsUnableToRaise: false,
  };
}

/** The relationship a newly added member most likely has. */
export function suggestedRelationship(members: readonly MemberForm[]): Relationship {
  return members.some((m) => m.relationship === 'SPOUSE') ? 'CHILD' : 'SPOUSE';
}

export function defaultHousehold(): HouseholdForm {
  return {
    regionCode: '140105',
    hukou: 'URBAN',
    members: [newMember('APPLICANT')],
    financialAssets: '',
    nonEssentialVehicles: '0',
    ownedHomes: '0',
    medical: '',
    education: '',
    hasAbleSupporter: false,
    housing: 'ADEQUATE',
    hadEvent: false,
    eventType: 'JOB_LOSS',
    eventDate: '',
    eventLoss: '',
  };
}

/** Whole years between an ISO birth date and an ISO day; null for a missing or invalid date. */
export function ageOn(birthDate: string, today: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!birth || !now) return null;
  const [by, bm, bd] = birth.slice(1).map(Number) as [number, number, number];
  const [ny, nm, nd] = now.slice(1).map(Number) as [number, number, number];
  let age = ny - by;
  if (nm < bm || (nm === bm && nd < bd)) age -= 1;
  return age;
}

/** A member to whom "parents unable to raise" applies: a known age under 18. */
export function isMinor(member: MemberForm, today: string): boolean {
  const age = ageOn(member.birthDate, today);
  return age !== null && age >= 0 && age < CHILD_AGE_LIMIT;
}

/** Today in the resident's time zone as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An amount as typed: '' is 0; anything else must be a plain non-negative number. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (trimmed === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Number(trimmed);
}

function amount(text: string): number {
  return parseAmount(text) ?? 0;
}

export function memberId(index: number): string {
  return `m${index + 1}`;
}

/** The request body; `asOf` is left out so the backend evaluates as of today. */
export function buildScreeningRequest(form: HouseholdForm, today: string = localToday()): ScreeningRequest {
  return {
    regionCode: form.regionCode,
    hukou: form.hukou,
    members: form.members.map((m, index) => ({
      id: memberId(index),
      relationship: m.relationship,
      birthDate: m.birthDate,
      disabilityGrade: m.disabilityGrade,
      seriousIllness: m.seriousIllness,
      schooling: m.schooling,
      employment: m.employment,
      monthlyIncome: amount(m.monthlyIncome),
      parentsUnableToRaise: isMinor(m, today) ? m.parentsUnableToRaise : false,
    })),
    assets: {
      financialAssets: amount(form.financialAssets),
      nonEssentialVehicles: amount(form.nonEssentialVehicles),
      ownedHomes: amount(form.ownedHomes),
    },
    rigidExpenditure12m: { medical: amount(form.medical), education: amount(form.education) },
    hasAbleSupporter: form.hasAbleSupporter,
    housing: form.housing,
    suddenEvent: form.hadEvent ? { type: form.eventType, date: form.eventDate, loss: amount(form.eventLoss) } : null,
  };
}
