import { describe, expect, it } from 'vitest';
import { newMember } from '../calculator/household';
import { emptyApplication } from './application';
import { applicantFieldErrors, checkConsents, placeServerErrors, targetOfApplyField } from './fields';

describe('application field targets', () => {
  it('places server fields of the applicant, the household, the situation and the consent', () => {
    expect(targetOfApplyField('applicant.phone', 2)).toEqual({ step: 'applicant', id: 'apply-applicant-phone' });
    expect(targetOfApplyField('submit.request.applicant.nationalId', 2)).toEqual({ step: 'applicant', id: 'apply-applicant-nationalId' });
    expect(targetOfApplyField('household.members[1].birthDate', 2)).toEqual({ step: 'members', id: 'calc-members-1-birthDate' });
    expect(targetOfApplyField('household.assets.ownedHomes', 2)).toEqual({ step: 'money', id: 'calc-assets-ownedHomes' });
    expect(targetOfApplyField('situation', 2)).toEqual({ step: 'situation', id: 'apply-situation' });
    expect(targetOfApplyField('consent', 2)).toEqual({ step: 'submit', id: 'apply-consent' });
    expect(targetOfApplyField('draftId', 2)).toBeNull();
  });

  it('turns applicant checks into messages by input id', () => {
    expect(applicantFieldErrors({ phone: 'apply.error.phone' })).toEqual({ 'apply-applicant-phone': { key: 'apply.error.phone' } });
  });
});

describe('server errors and consents', () => {
  it('places a 422 next to its inputs, keeps the rest for the form, and names the first step', () => {
    const placed = placeServerErrors(
      [
        { field: 'household.members[1].birthDate', message: 'must not be in the future' },
        { field: 'applicant.name', message: '请填写申请人姓名 / the applicant\'s name is required' },
        { field: 'applicant.name', message: 'second message' },
        { field: 'draftId', message: 'unknown' },
      ],
      2,
      (m) => m.split(' / ')[0]!,
    );
    expect(placed.errors).toEqual({
      'calc-members-1-birthDate': { text: 'must not be in the future' },
      'apply-applicant-name': { text: '请填写申请人姓名' },
    });
    expect(placed.unplaced).toEqual(['unknown']);
    expect(placed.firstStep).toBe(0);
    expect(placeServerErrors([{ field: 'x', message: 'y' }], 1, (m) => m).firstStep).toBeNull();
  });

  it('needs every adult’s own id number, matching the birth date entered, and every box ticked', () => {
    const form = emptyApplication();
    const spouse = newMember('SPOUSE');
    spouse.birthDate = '1986-03-01';
    form.household.members.push(spouse);
    const adults = [{ memberId: 'm2', index: 1 }];
    expect(checkConsents(false, adults, {}, form.household)).toEqual({
      'apply-consent': { key: 'apply.error.consent' },
      'apply-consent-m2-id': { key: 'apply.error.nationalId' },
      'apply-consent-m2': { key: 'apply.error.memberConsent' },
    });
    expect(checkConsents(true, adults, { m2: { nationalId: '11010519491231002X', agreed: true } }, form.household)).toEqual({
      'apply-consent-m2-id': { key: 'apply.error.idBirthDate' },
    });
    expect(checkConsents(true, adults, { m2: { nationalId: '140105198603010019', agreed: true } }, form.household)).toEqual({});
  });
});
