import { describe, expect, it } from 'vitest';
import { inputId, targetOfField, validateStep } from './fields';
import { defaultHousehold, newMember } from './household';

describe('targetOfField: a 422 field path finds its input', () => {
  it('maps a member field to that member\'s input on the members step', () => {
    expect(targetOfField('members[1].birthDate', 3)).toEqual({ step: 'members', id: 'calc-members-1-birthDate' });
    expect(targetOfField('members[0].monthlyIncome', 1)).toEqual({ step: 'members', id: 'calc-members-0-monthlyIncome' });
    expect(inputId('members[1].birthDate')).toBe('calc-members-1-birthDate');
  });

  it('tolerates a prefix from the server', () => {
    expect(targetOfField('screen.household.members[2].employment', 3)).toEqual({ step: 'members', id: 'calc-members-2-employment' });
  });

  it('sends whole-list and out-of-range member errors to the list', () => {
    expect(targetOfField('members', 2)).toEqual({ step: 'members', id: 'calc-members' });
    expect(targetOfField('members[5].birthDate', 2)).toEqual({ step: 'members', id: 'calc-members' });
    expect(targetOfField('members[1]', 2)).toEqual({ step: 'members', id: 'calc-members-1-relationship' });
  });

  it('maps the other steps', () => {
    expect(targetOfField('regionCode', 1)).toEqual({ step: 'region', id: 'calc-regionCode' });
    expect(targetOfField('assets.ownedHomes', 1)).toEqual({ step: 'money', id: 'calc-assets-ownedHomes' });
    expect(targetOfField('rigidExpenditure12m.education', 1)).toEqual({ step: 'money', id: 'calc-rigidExpenditure12m-education' });
    expect(targetOfField('suddenEvent.date', 1)).toEqual({ step: 'situation', id: 'calc-suddenEvent-date' });
    expect(targetOfField('housing', 1)).toEqual({ step: 'situation', id: 'calc-housing' });
  });

  it('answers null for a field that is not on the form', () => {
    expect(targetOfField('asOf', 1)).toBeNull();
    expect(targetOfField('something', 1)).toBeNull();
    expect(targetOfField('', 1)).toBeNull();
  });
});

describe('validateStep', () => {
  const today = '2026-11-22';

  it('asks for a birth date, refuses a future one and a bad income', () => {
    const form = defaultHousehold();
    form.members.push(newMember('SPOUSE'));
    form.members[1]!.birthDate = '2027-01-01';
    form.members[1]!.monthlyIncome = '九百';
    expect(validateStep('members', form, today)).toEqual({
      'calc-members-0-birthDate': { key: 'calc.error.dateRequired' },
      'calc-members-1-birthDate': { key: 'calc.error.futureDate' },
      'calc-members-1-monthlyIncome': { key: 'calc.error.amount' },
    });
    form.members[0]!.birthDate = '1986-03-01';
    form.members[1]!.birthDate = '1988-05-01';
    form.members[1]!.monthlyIncome = '900';
    expect(validateStep('members', form, today)).toEqual({});
  });

  it('wants whole numbers of vehicles and homes, and checks the event only when there was one', () => {
    const form = defaultHousehold();
    form.ownedHomes = '1.5';
    expect(validateStep('money', form, today)).toEqual({ 'calc-assets-ownedHomes': { key: 'calc.error.count' } });
    expect(validateStep('situation', form, today)).toEqual({});
    form.hadEvent = true;
    expect(validateStep('situation', form, today)).toEqual({ 'calc-suddenEvent-date': { key: 'calc.error.dateRequired' } });
  });
});

describe('messageText', () => {
  it('translates our messages and wraps the server text in a plain sentence', async () => {
    const { t } = await import('../i18n');
    const { messageText } = await import('./fields');
    expect(messageText({ key: 'calc.error.futureDate' }, t)).toBe('日期不能晚于今天');
    expect(messageText({ text: 'must be greater than or equal to 0' }, t)).toBe('这一项需要改一下（must be greater than or equal to 0）');
    expect(messageText(undefined, t)).toBe('');
  });
});
