import { describe, expect, it } from 'vitest';
import { applicantFieldErrors, targetOfApplyField } from './fields';

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
