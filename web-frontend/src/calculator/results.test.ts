import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { formatYuan, groupResults, makeCatalog, periodKey, readableMembers, shownEstimate, type ProgramResult, type Verdict } from './results';

function program(code: string, verdict: Verdict, amount = 0, period: 'MONTH' | 'YEAR' | 'ONCE' = 'MONTH'): ProgramResult {
  return { program: code, verdict, urgent: false, members: [], estimate: { amount, period }, reasons: [], whatWouldChange: [], documents: [] };
}

describe('groupResults', () => {
  it('puts ELIGIBLE first, then POSSIBLY_ELIGIBLE, keeping the rule book order, and NOT_ELIGIBLE apart', () => {
    const grouped = groupResults([
      program('MINIMUM_LIVING_ALLOWANCE', 'ELIGIBLE', 1107),
      program('SPECIAL_HARDSHIP', 'NOT_ELIGIBLE'),
      program('TEMPORARY_ASSISTANCE', 'POSSIBLY_ELIGIBLE', 2007, 'ONCE'),
      program('MEDICAL_ASSISTANCE', 'NOT_ELIGIBLE'),
      program('EDUCATION_ASSISTANCE', 'ELIGIBLE', 100),
      program('HOUSING_ASSISTANCE', 'POSSIBLY_ELIGIBLE'),
      program('EMPLOYMENT_ASSISTANCE', 'ELIGIBLE'),
    ]);
    expect(grouped.mayGet.map((p) => p.program)).toEqual([
      'MINIMUM_LIVING_ALLOWANCE',
      'EDUCATION_ASSISTANCE',
      'EMPLOYMENT_ASSISTANCE',
      'TEMPORARY_ASSISTANCE',
      'HOUSING_ASSISTANCE',
    ]);
    expect(grouped.notEligible.map((p) => p.program)).toEqual(['SPECIAL_HARDSHIP', 'MEDICAL_ASSISTANCE']);
  });

  it('handles an answer with nothing to get', () => {
    expect(groupResults([program('A', 'NOT_ELIGIBLE')])).toEqual({ mayGet: [], notEligible: [program('A', 'NOT_ELIGIBLE')] });
  });
});

describe('estimates', () => {
  it('labels periods 每月 / 每年 / 一次性 and in English', () => {
    expect(messages['zh-CN'][periodKey('MONTH')]).toBe('每月');
    expect(messages['zh-CN'][periodKey('YEAR')]).toBe('每年');
    expect(messages['zh-CN'][periodKey('ONCE')]).toBe('一次性');
    expect(messages.en[periodKey('MONTH')]).toBe('a month');
    expect(messages.en[periodKey('ONCE')]).toBe('one-off');
  });

  it('leaves out an estimate of 0', () => {
    expect(shownEstimate(program('EMPLOYMENT_ASSISTANCE', 'ELIGIBLE', 0))).toBeNull();
    expect(shownEstimate({ ...program('X', 'ELIGIBLE'), estimate: null })).toBeNull();
    expect(shownEstimate(program('MEDICAL_ASSISTANCE', 'ELIGIBLE', 12000, 'YEAR'))).toEqual({ amount: 12000, period: 'YEAR' });
  });

  it('formats yuan per locale', () => {
    expect(formatYuan(1107, 'zh-CN')).toBe('1107');
    expect(formatYuan(12000, 'en')).toBe('12,000');
    expect(formatYuan(1234.5, 'zh-CN')).toBe('1234.5');
  });
});

describe('makeCatalog', () => {
  const catalog = makeCatalog([
    {
      code: 'MINIMUM_LIVING_ALLOWANCE',
      name: { zh: '最低生活保障', en: 'Minimum living allowance' },
      agency: { code: 'CIVIL_AFFAIRS', name: { zh: '民政局', en: 'Civil affairs bureau' } },
      documents: [{ code: 'ID_CARD', name: { zh: '身份证', en: 'National ID card' } }],
    },
  ]);

  it('names programs, agencies and documents in the current language, falling back to the code', () => {
    expect(catalog.programName('MINIMUM_LIVING_ALLOWANCE', 'zh-CN')).toBe('最低生活保障');
    expect(catalog.programName('MINIMUM_LIVING_ALLOWANCE', 'en')).toBe('Minimum living allowance');
    expect(catalog.agencyName('MINIMUM_LIVING_ALLOWANCE', 'zh-CN')).toBe('民政局');
    expect(catalog.documentName('ID_CARD', 'en')).toBe('National ID card');
    expect(catalog.programName('UNKNOWN', 'zh-CN')).toBe('UNKNOWN');
    expect(catalog.documentName('INCOME_PROOF', 'zh-CN')).toBe('INCOME_PROOF');
  });
});

describe('readableMembers', () => {
  it('names members by their place in the form instead of their id', () => {
    expect(readableMembers('成员 m3 就读小学，每月 100 元', 'zh-CN')).toBe('第 3 位家人 就读小学，每月 100 元');
    expect(readableMembers('member m1 is 40: not aged 60 or over', 'en')).toBe('person 1 is 40: not aged 60 or over');
    expect(readableMembers('家庭符合低保条件', 'zh-CN')).toBe('家庭符合低保条件');
  });
});
