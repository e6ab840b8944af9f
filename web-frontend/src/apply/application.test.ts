import { describe, expect, it } from 'vitest';
import { newMember } from '../calculator/household';
import {
  birthDateOfId,
  buildDraftRequest,
  emptyApplication,
  formFromDraft,
  isMaskedId,
  isValidNationalId,
  otherAdults,
  validateApplicant,
  type DraftView,
} from './application';

const TODAY = '2026-12-05';

function family() {
  const form = emptyApplication();
  form.applicant = { name: ' 李明 ', nationalId: '14010519860301001x', phone: '13800001111', address: '小店区 1 号' };
  form.household.members[0]!.birthDate = '1986-03-01';
  const spouse = newMember('SPOUSE');
  spouse.birthDate = '1988-05-10';
  spouse.monthlyIncome = '900';
  const child = newMember('CHILD');
  child.birthDate = '2016-09-01';
  child.parentsUnableToRaise = true;
  form.household.members.push(spouse, child);
  form.household.ownedHomes = '1';
  form.situation = '  丈夫失业  ';
  return form;
}

describe('application model', () => {
  it('builds the draft body in the screening shape, member ids in order, trimmed applicant', () => {
    const body = buildDraftRequest(family(), TODAY);
    expect(body.applicant).toEqual({ name: '李明', nationalId: '14010519860301001X', phone: '13800001111', address: '小店区 1 号' });
    expect(body.household.members.map((m) => [m.id, m.relationship, m.monthlyIncome])).toEqual([
      ['m1', 'APPLICANT', 0],
      ['m2', 'SPOUSE', 900],
      ['m3', 'CHILD', 0],
    ]);
    expect(body.household.members[2]!.parentsUnableToRaise).toBe(true);
    expect(body.household.assets).toEqual({ financialAssets: 0, nonEssentialVehicles: 0, ownedHomes: 1 });
    expect(body.household.suddenEvent).toBeNull();
    expect(body.situation).toBe('丈夫失业');
    expect(body.chosenPrograms).toBeNull();
  });

  it('sends a missing birth date as null so that an unfinished draft can be saved', () => {
    const form = emptyApplication();
    expect(buildDraftRequest(form, TODAY).household.members[0]!.birthDate).toBeNull();
    form.household.hadEvent = true;
    expect(buildDraftRequest(form, TODAY).household.suddenEvent).toEqual({ type: 'JOB_LOSS', date: null, loss: null });
  });

  it('reads a draft back (on another device) into the same form', () => {
    const body = buildDraftRequest(family(), TODAY);
    const view: DraftView = {
      id: 'd1',
      version: 3,
      household: body.household,
      applicant: { ...body.applicant, nationalId: '1401**********001X', phone: '138****1111' },
      chosenPrograms: null,
      situation: body.situation,
      createdAt: '2026-12-05T10:00:00+08:00',
      updatedAt: '2026-12-05T10:05:00+08:00',
    };
    const form = formFromDraft(view);
    expect(form.applicant.nationalId).toBe('1401**********001X');
    expect(form.household.members.map((m) => [m.relationship, m.birthDate, m.monthlyIncome])).toEqual([
      ['APPLICANT', '1986-03-01', ''],
      ['SPOUSE', '1988-05-10', '900'],
      ['CHILD', '2016-09-01', ''],
    ]);
    expect(form.household.ownedHomes).toBe('1');
    expect(form.situation).toBe('丈夫失业');
    expect(buildDraftRequest(form, TODAY).household).toEqual(body.household);
  });

  it('starts empty from a draft that has nothing yet, and drops a masked empty id', () => {
    const form = formFromDraft({
      id: 'd2',
      version: 0,
      household: { regionCode: '140105', hukou: 'URBAN', members: [{ id: 'm1', relationship: 'APPLICANT' } as never] },
      applicant: { name: '', nationalId: '****', phone: null as never, address: '' },
      chosenPrograms: null,
      situation: '',
      createdAt: '',
      updatedAt: '',
    });
    expect(form.applicant.nationalId).toBe('');
    expect(form.applicant.phone).toBe('');
    expect(form.household.members).toHaveLength(1);
    expect(form.household.members[0]!.birthDate).toBe('');
  });

  it('names the adults other than the applicant, who sign their own consent', () => {
    expect(otherAdults(family().household, TODAY)).toEqual([{ memberId: 'm2', index: 1, relationship: 'SPOUSE' }]);
  });

  it('checks national id numbers with the GB 11643 check character', () => {
    expect(isValidNationalId('140105198603010019')).toBe(true);
    expect(isValidNationalId('140105198603010018')).toBe(false);
    expect(isValidNationalId('11010519491231002x')).toBe(true);
    expect(isValidNationalId('1401051986030100')).toBe(false);
    expect(birthDateOfId('140105198603010019')).toBe('1986-03-01');
    expect(isMaskedId('1401**********0019')).toBe(true);
    expect(isMaskedId('****')).toBe(false);
  });

  it('validates the applicant before saving, a masked id being kept', () => {
    expect(validateApplicant({ name: '', nationalId: '123', phone: '12', address: '' })).toEqual({
      name: 'apply.error.name',
      nationalId: 'apply.error.nationalId',
      phone: 'apply.error.phone',
    });
    expect(validateApplicant({ name: '李明', nationalId: '1401**********0019', phone: '138****1111', address: '' })).toEqual({});
  });
});
