import { describe, expect, it } from 'vitest';
import { ageOn, buildScreeningRequest, defaultHousehold, newMember, parseAmount, type HouseholdForm } from './household';

const TODAY = '2026-11-22';

/** Worked example A of programs-spec.md as the form holds it. */
function exampleA(): HouseholdForm {
  const form = defaultHousehold();
  const applicant = form.members[0]!;
  applicant.birthDate = '1986-03-01';
  applicant.employment = 'UNEMPLOYED';
  const spouse = newMember('SPOUSE');
  spouse.birthDate = '1988-05-01';
  spouse.monthlyIncome = '900';
  const child = newMember('CHILD');
  child.birthDate = '2016-06-01';
  form.members.push(spouse, child);
  return form;
}

describe('buildScreeningRequest', () => {
  it('builds the contract body of example A: ids m1.., numbers, nulls, no asOf', () => {
    const body = buildScreeningRequest(exampleA(), TODAY);
    expect(body).toEqual({
      regionCode: '140105',
      hukou: 'URBAN',
      members: [
        { id: 'm1', relationship: 'APPLICANT', birthDate: '1986-03-01', disabilityGrade: null, seriousIllness: false,
          schooling: 'NONE', employment: 'UNEMPLOYED', monthlyIncome: 0, parentsUnableToRaise: false },
        { id: 'm2', relationship: 'SPOUSE', birthDate: '1988-05-01', disabilityGrade: null, seriousIllness: false,
          schooling: 'NONE', employment: 'EMPLOYED', monthlyIncome: 900, parentsUnableToRaise: false },
        { id: 'm3', relationship: 'CHILD', birthDate: '2016-06-01', disabilityGrade: null, seriousIllness: false,
          schooling: 'PRIMARY', employment: 'NOT_IN_LABOUR_FORCE', monthlyIncome: 0, parentsUnableToRaise: false },
      ],
      assets: { financialAssets: 0, nonEssentialVehicles: 0, ownedHomes: 0 },
      rigidExpenditure12m: { medical: 0, education: 0 },
      hasAbleSupporter: false,
      housing: 'ADEQUATE',
      suddenEvent: null,
    });
    expect(body).not.toHaveProperty('asOf');
    expect(JSON.stringify(body)).not.toContain('"key"');
  });

  it('numbers members by their position after one is removed', () => {
    const form = exampleA();
    form.members.splice(1, 1);
    expect(buildScreeningRequest(form, TODAY).members.map((m) => [m.id, m.relationship])).toEqual([
      ['m1', 'APPLICANT'],
      ['m2', 'CHILD'],
    ]);
  });

  it('turns typed amounts into numbers and keeps a disability grade as a number', () => {
    const form = exampleA();
    form.members[1]!.monthlyIncome = '1,234.50';
    form.members[1]!.disabilityGrade = 2;
    form.financialAssets = ' 5000 ';
    form.nonEssentialVehicles = '1';
    form.ownedHomes = '';
    form.medical = '20000';
    form.education = '1500.5';
    const body = buildScreeningRequest(form, TODAY);
    expect(body.members[1]!.monthlyIncome).toBe(1234.5);
    expect(body.members[1]!.disabilityGrade).toBe(2);
    expect(body.assets).toEqual({ financialAssets: 5000, nonEssentialVehicles: 1, ownedHomes: 0 });
    expect(body.rigidExpenditure12m).toEqual({ medical: 20000, education: 1500.5 });
  });

  it('sends parentsUnableToRaise only for a member under 18', () => {
    const form = exampleA();
    form.members[2]!.parentsUnableToRaise = true; // aged 10
    form.members[1]!.parentsUnableToRaise = true; // aged 38: left over from an earlier answer
    const body = buildScreeningRequest(form, TODAY);
    expect(body.members[2]!.parentsUnableToRaise).toBe(true);
    expect(body.members[1]!.parentsUnableToRaise).toBe(false);
  });

  it('sends the sudden event only when there was one', () => {
    const form = exampleA();
    form.eventType = 'FIRE';
    form.eventDate = '2026-11-20';
    form.eventLoss = '8000';
    expect(buildScreeningRequest(form, TODAY).suddenEvent).toBeNull();
    form.hadEvent = true;
    expect(buildScreeningRequest(form, TODAY).suddenEvent).toEqual({ type: 'FIRE', date: '2026-11-20', loss: 8000 });
  });
});

describe('helpers', () => {
  it('counts whole years of age', () => {
    expect(ageOn('1986-03-01', TODAY)).toBe(40);
    expect(ageOn('2008-11-22', TODAY)).toBe(18);
    expect(ageOn('2008-11-23', TODAY)).toBe(17);
    expect(ageOn('', TODAY)).toBeNull();
  });

  it('reads amounts as typed', () => {
    expect(parseAmount('')).toBe(0);
    expect(parseAmount('900')).toBe(900);
    expect(parseAmount('1，200')).toBe(1200);
    expect(parseAmount('12.345')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });
});
