/**
 * The calculator's answers for this page load only: kept in memory so that "修改信息" and a
 * visit to another page come back to the same answers, never written to the address or storage.
 */
import { reactive } from 'vue';
import type { FieldErrors } from './fields';
import { defaultHousehold, type HouseholdForm } from './household';
import type { Screening } from './results';

export interface CalculatorSession {
  form: HouseholdForm;
  step: number;
  errors: FieldErrors;
  screening: Screening | null;
}

export const session = reactive<CalculatorSession>({
  form: defaultHousehold(),
  step: 0,
  errors: {},
  screening: null,
});

