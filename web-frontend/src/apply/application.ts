/**
 * The application as the resident fills it in: the calculator's household plus who applies and their own words,
 * and its conversion to and from a draft (`/api/v1/drafts`). Member ids are m1, m2, ... in form order, as in the
 * screening contract. Everything stays in memory; the server keeps the draft, never the browser's storage.
 */
import {
  defaultHousehold,
  isMinor,
  memberId,
  newMember,
  parseAmount,
  type DisabilityGrade,
  type Employment,
  type HouseholdForm,
  type Hukou,
  type Housing,
  type RegionCode,
  type Relationship,
  type Schooling,
  type SuddenEventType,
  REGIONS,
} from '../calculator/household';

export interface ApplicantForm {
  name: string;
  nationalId: string;
  phone: string;
  address: string;
}

export interface ApplicationForm {
  applicant: ApplicantForm;
  household: HouseholdForm;
  situation: string;
}

/** The household as a draft stores it: the screening shape, where anything may still be missing. */
export interface DraftHousehold {
  regionCode: string | null;
  hukou: Hukou | null;
  members: {
    id: string;
    relationship: Relationship;
    birthDate: string | null;
    disabilityGrade: DisabilityGrade | null;
    seriousIllness: boolean;
    schooling: Schooling | null;
    employment: Employment | null;
    monthlyIncome: number | null;
    parentsUnableToRaise: boolean;
  }[];
  assets: { financialAssets: number | null; nonEssentialVehicles: number | null; ownedHomes: number | null } | null;
  rigidExpenditure12m: { medical: number | null; education: number | null } | null;
  hasAbleSupporter: boolean | null;
  housing: Housing | null;
  suddenEvent: { type: SuddenEventType; date: string | null; loss: number | null } | null;
}

/** `PUT /api/v1/drafts/{id}` and `POST /api/v1/drafts`. */
export interface DraftRequest {
  household: DraftHousehold;
  applicant: ApplicantForm;
  chosenPrograms: string[] | null;
  situation: string;
}

/** A draft as the server answers it; the national id and phone come back masked. */
export interface DraftView {
  id: string;
  version: number;
  household: Partial<DraftHousehold> | null;
  applicant: Partial<ApplicantForm> | null;
  chosenPrograms: string[] | null;
  situation: string | null;
  createdAt: string;
  updatedAt: string;
}

export function emptyApplication(): ApplicationForm {
  return { applicant: { name: '', nationalId: '', phone: '', address: '' }, household: defaultHousehold(), situation: '' };
}

/** An amount as typed, or null when not (yet) a number; the server accepts null in a draft. */
function amountOrNull(text: string): number | null {
  return text.trim() === '' ? null : parseAmount(text);
}

function textOf(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function buildDraftRequest(form: ApplicationForm, today: string): DraftRequest {
  const h = form.household;
  return {
    household: {
      regionCode: h.regionCode,
      hukou: h.hukou,
      members: h.members.map((m, index) => ({
        id: memberId(index),
        relationship: m.relationship,
        birthDate: m.birthDate || null,
        disabilityGrade: m.disabilityGrade,
        seriousIllness: m.seriousIllness,
        schooling: m.schooling,
        employment: m.employment,
        monthlyIncome: m.monthlyIncome.trim() === '' ? 0 : parseAmount(m.monthlyIncome),
        parentsUnableToRaise: isMinor(m, today) ? m.parentsUnableToRaise : false,
      })),
      assets: {
        financialAssets: amountOrNull(h.financialAssets) ?? 0,
        nonEssentialVehicles: amountOrNull(h.nonEssentialVehicles) ?? 0,
        ownedHomes: amountOrNull(h.ownedHomes) ?? 0,
      },
      rigidExpenditure12m: { medical: amountOrNull(h.medical) ?? 0, education: amountOrNull(h.education) ?? 0 },
      hasAbleSupporter: h.hasAbleSupporter,
      housing: h.housing,
      suddenEvent: h.hadEvent ? { type: h.eventType, date: h.eventDate || null, loss: amountOrNull(h.eventLoss) } : null,
    },
    applicant: {
      name: form.applicant.name.trim(),
      nationalId: form.applicant.nationalId.trim().toUpperCase(),
      phone: form.applicant.phone.trim(),
      address: form.applicant.address.trim(),
    },
    chosenPrograms: null,
    situation: form.situation.trim(),
  };
}

/** The form of a draft read back (on this device or another); missing answers get the calculator's defaults. */
export function formFromDraft(view: DraftView): ApplicationForm {
  const form = emptyApplication();
  const a = view.applicant ?? {};
  form.applicant = { name: a.name ?? '', nationalId: a.nationalId && isMaskedId(a.nationalId) ? a.nationalId : '', phone: a.phone ?? '', address: a.address ?? '' };
  form.situation = view.situation ?? '';
  const d = view.household;
  if (!d) return form;
  const h = form.household;
  if (d.regionCode && (REGIONS as readonly string[]).includes(d.regionCode)) h.regionCode = d.regionCode as RegionCode;
  if (d.hukou) h.hukou = d.hukou;
  if (d.members?.length) {
    h.members = d.members.map((m) => {
      const member = newMember(m.relationship ?? 'OTHER');
      member.birthDate = m.birthDate ?? '';
      member.disabilityGrade = m.disabilityGrade ?? null;
      member.seriousIllness = Boolean(m.seriousIllness);
      if (m.schooling) member.schooling = m.schooling;
      if (m.employment) member.employment = m.employment;
      member.monthlyIncome = m.monthlyIncome ? String(m.monthlyIncome) : '';
      member.parentsUnableToRaise = Boolean(m.parentsUnableToRaise);
      return member;
    });
  }
  if (d.assets) {
    h.financialAssets = d.assets.financialAssets ? String(d.assets.financialAssets) : '';
    h.nonEssentialVehicles = textOf(d.assets.nonEssentialVehicles ?? 0);
    h.ownedHomes = textOf(d.assets.ownedHomes ?? 0);
  }
  if (d.rigidExpenditure12m) {
    h.medical = d.rigidExpenditure12m.medical ? String(d.rigidExpenditure12m.medical) : '';
    h.education = d.rigidExpenditure12m.education ? String(d.rigidExpenditure12m.education) : '';
  }
  if (typeof d.hasAbleSupporter === 'boolean') h.hasAbleSupporter = d.hasAbleSupporter;
  if (d.housing) h.housing = d.housing;
  if (d.suddenEvent) {
    h.hadEvent = true;
    h.eventType = d.suddenEvent.type;
    h.eventDate = d.suddenEvent.date ?? '';
    h.eventLoss = textOf(d.suddenEvent.loss);
  }
  return form;
}

/** The adult members other than the applicant: each signs the verification consent with their own id number. */
export function otherAdults(household: HouseholdForm, today: string): { memberId: string; index: number; relationship: Relationship }[] {
  return household.members
    .map((m, index) => ({ m, index }))
    .filter(({ m, index }) => index > 0 && m.birthDate !== '' && !isMinor(m, today))
    .map(({ m, index }) => ({ memberId: memberId(index), index, relationship: m.relationship }));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: 17 digits and a check character. Checked here so the resident hears about a typo at once. */
export function isValidNationalId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** The birth date written in an id number, as `YYYY-MM-DD`. */
export function birthDateOfId(value: string): string | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A masked id as the server shows it (`1401**********1234`): sent back unchanged, it keeps the stored one. */
export function isMaskedId(value: string): boolean {
  return /^\d{4}\*{10}[\dX]{4}$/.test(value.trim());
}

export type ApplicantErrors = Partial<Record<keyof ApplicantForm, 'apply.error.name' | 'apply.error.nationalId' | 'apply.error.phone'>>;

export function validateApplicant(a: ApplicantForm): ApplicantErrors {
  const errors: ApplicantErrors = {};
  if (!a.name.trim()) errors.name = 'apply.error.name';
  if (!isMaskedId(a.nationalId) && !isValidNationalId(a.nationalId)) errors.nationalId = 'apply.error.nationalId';
  if (!/^1\d{10}$/.test(a.phone.trim()) && !/^1\d{2}\*{4}\d{4}$/.test(a.phone.trim())) errors.phone = 'apply.error.phone';
  return errors;
}
