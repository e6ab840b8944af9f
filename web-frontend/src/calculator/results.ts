/** The screening answer and the program catalog, and how the result screen orders them. */
import type { Locale, MessageKey } from '../messages';

export type Verdict = 'ELIGIBLE' | 'POSSIBLY_ELIGIBLE' | 'NOT_ELIGIBLE';
export type EstimatePeriod = 'MONTH' | 'YEAR' | 'ONCE';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Reason {
  code: string;
  member?: string | null;
  met: boolean;
  actual?: number | null;
  threshold?: number | null;
  message: LocalizedText;
}

export interface ProgramResult {
  program: string;
  verdict: Verdict;
  urgent: boolean;
  members: string[];
  estimate: { amount: number; period: EstimatePeriod } | null;
  reasons: Reason[];
  whatWouldChange: { code: string; message: LocalizedText }[];
  documents: string[];
}

/** `200` of `POST /api/v1/screenings`. */
export interface Screening {
  regionCode: string;
  asOf: string;
  parameterVersion: string;
  programs: ProgramResult[];
}

export interface CodeName {
  code: string;
  name: LocalizedText;
}

/** One item of `GET /api/v1/programs`. */
export interface CatalogProgram {
  code: string;
  name: LocalizedText;
  agency: CodeName;
  documents: CodeName[];
}

export interface GroupedResults {
  /** ELIGIBLE first, then POSSIBLY_ELIGIBLE; the rule book's order within each. */
  mayGet: ProgramResult[];
  notEligible: ProgramResult[];
}

export function groupResults(programs: readonly ProgramResult[]): GroupedResults {
  return {
    mayGet: [
      ...programs.filter((p) => p.verdict === 'ELIGIBLE'),
      ...programs.filter((p) => p.verdict === 'POSSIBLY_ELIGIBLE'),
    ],
    notEligible: programs.filter((p) => p.verdict === 'NOT_ELIGIBLE'),
  };
}

const PERIOD_KEYS: Record<EstimatePeriod, MessageKey> = {
  MONTH: 'calc.period.MONTH',
  YEAR: 'calc.period.YEAR',
  ONCE: 'calc.period.ONCE',
};

/** The label of an estimate's period (每月 / 每年 / 一次性). */
export function periodKey(period: EstimatePeriod): MessageKey {
  return PERIOD_KEYS[period];
}

/** The estimate worth showing: null when there is none or it is 0 (services, status only). */
export function shownEstimate(result: ProgramResult): { amount: number; period: EstimatePeriod } | null {
  const estimate = result.estimate;
  return estimate && estimate.amount > 0 ? estimate : null;
}

export function localized(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** The server names members by id (`成员 m1`); residents know them by their place in the form. */
export function readableMembers(text: string, locale: Locale): string {
  return locale === 'zh-CN'
    ? text.replace(/成员\s*m(\d+)/g, '第 $1 位家人')
    : text.replace(/\bmember m(\d+)/gi, 'person $1');
}

/** Amounts as `1,107` (en) or `1107` (zh), at most two decimals. */
export function formatYuan(amount: number, locale: Locale): string {
  return locale === 'zh-CN'
    ? String(Math.round(amount * 100) / 100)
    : amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Program and document names by code, from the catalog. */
export interface Catalog {
  programName(code: string, locale: Locale): string;
  agencyName(code: string, locale: Locale): string;
  documentName(code: string, locale: Locale): string;
}

export function makeCatalog(programs: readonly CatalogProgram[]): Catalog {
  const byCode = new Map(programs.map((p) => [p.code, p]));
  const documents = new Map<string, LocalizedText>();
  for (const program of programs) for (const doc of program.documents ?? []) documents.set(doc.code, doc.name);
  return {
    programName: (code, locale) => localized(byCode.get(code)?.name, locale) || code,
    agencyName: (code, locale) => localized(byCode.get(code)?.agency?.name, locale),
    documentName: (code, locale) => localized(documents.get(code), locale) || code,
  };
}
