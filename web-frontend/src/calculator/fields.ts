/**
 * Where each answer lives on screen: the questionnaire's steps, the id of each input, the checks
 * made before sending, and the way a 422 `errors[].field` (e.g. `members[1].birthDate`) finds
 * its input again.
 */
import type { MessageKey } from '../messages';
import { parseAmount, type HouseholdForm } from './household';

export const STEPS = ['region', 'members', 'money', 'situation'] as const;
export type StepName = (typeof STEPS)[number];

/** A message next to an input: one of ours (translated when shown) or the server's text. */
export type FieldMessage = { key: MessageKey } | { text: string };
/** Messages by input id. */
export type FieldErrors = Record<string, FieldMessage>;

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The text shown for a message; the server's (English) text is wrapped in a plain sentence. */
export function messageText(message: FieldMessage | undefined, t: Translate): string {
  if (!message) return '';
  return 'key' in message ? t(message.key) : t('calc.error.field', { message: message.text });
}

/** The id of the input for an API field path: `members[1].birthDate` -> `calc-members-1-birthDate`. */
export function inputId(path: string): string {
  return `calc-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

const MEMBER_FIELDS = new Set([
  'relationship',
  'birthDate',
  'disabilityGrade',
  'seriousIllness',
  'schooling',
  'employment',
  'monthlyIncome',
  'parentsUnableToRaise',
]);
const ROOTS = /(regionCode|hukou|members|assets|rigidExpenditure12m|hasAbleSupporter|housing|suddenEvent|asOf)(?![\w])/;

export interface FieldTarget {
  step: StepName;
  /** The input that shows the message (and gets the focus). */
  id: string;
}

/**
 * The input a server field path belongs to, or null when it is not one of ours (the message is
 * then shown above the form). Tolerates a prefix such as `screen.household.`.
 */
export function targetOfField(rawPath: string, memberCount: number): FieldTarget | null {
  const match = ROOTS.exec(rawPath);
  if (!match) return null;
  const path = rawPath.slice(match.index);
  const root = match[1];
  switch (root) {
    case 'regionCode':
    case 'hukou':
      return { step: 'region', id: inputId(root) };
    case 'members': {
      const member = /^members\[(\d+)\](?:\.(\w+))?/.exec(path);
      if (!member) return { step: 'members', id: inputId('members') };
      const index = Number(member[1]);
      if (index >= memberCount) return { step: 'members', id: inputId('members') };
      const field = member[2] && MEMBER_FIELDS.has(member[2]) ? member[2] : 'relationship';
      return { step: 'members', id: inputId(`members[${index}].${field}`) };
    }
    case 'assets': {
      const field = /^assets\.(financialAssets|nonEssentialVehicles|ownedHomes)/.exec(path)?.[1] ?? 'financialAssets';
      return { step: 'money', id: inputId(`assets.${field}`) };
    }
    case 'rigidExpenditure12m': {
      const field = /^rigidExpenditure12m\.(medical|education)/.exec(path)?.[1] ?? 'medical';
      return { step: 'money', id: inputId(`rigidExpenditure12m.${field}`) };
    }
    case 'hasAbleSupporter':
    case 'housing':
      return { step: 'situation', id: inputId(root) };
    case 'suddenEvent': {
      const field = /^suddenEvent\.(type|date|loss)/.exec(path)?.[1];
      return { step: 'situation', id: field ? inputId(`suddenEvent.${field}`) : inputId('suddenEvent') };
    }
    default:
      return null;
  }
}

/** Checks made before a step is left, so most mistakes are shown without a round trip. */
export function validateStep(step: StepName, form: HouseholdForm, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const amountField = (path: string, text: string, whole = false) => {
    const value = parseAmount(text);
    if (value === null || (whole && !Number.isInteger(value))) {
      errors[inputId(path)] = { key: whole ? 'calc.error.count' : 'calc.error.amount' };
    }
  };
  const dateField = (path: string, value: string) => {
    if (!value) errors[inputId(path)] = { key: 'calc.error.dateRequired' };
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1900-01-01') errors[inputId(path)] = { key: 'calc.error.date' };
    else if (value > today) errors[inputId(path)] = { key: 'calc.error.futureDate' };
  };
  switch (step) {
    case 'region':
      break;
    case 'members':
      form.members.forEach((member, index) => {
        dateField(`members[${index}].birthDate`, member.birthDate);
        amountField(`members[${index}].monthlyIncome`, member.monthlyIncome);
      });
      break;
    case 'money':
      amountField('assets.financialAssets', form.financialAssets);
      amountField('assets.nonEssentialVehicles', form.nonEssentialVehicles, true);
      amountField('assets.ownedHomes', form.ownedHomes, true);
      amountField('rigidExpenditure12m.medical', form.medical);
      amountField('rigidExpenditure12m.education', form.education);
      break;
    case 'situation':
      if (form.hadEvent) {
        dateField('suddenEvent.date', form.eventDate);
        amountField('suddenEvent.loss', form.eventLoss);
      }
      break;
  }
  return errors;
}
