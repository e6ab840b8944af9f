/**
 * The staff dashboard's figures (`GET /api/v1/cases/statistics`): counts within the caller's agency and region, no
 * personal data; and the plain data of its three charts, kept apart from Chart.js so it can be tested.
 */
import { api } from '../api';
import type { CaseStep } from '../staff/cases';

export interface Statistics {
  from: string;
  to: string;
  open: number;
  overdue: number;
  intakesPerDay: { date: string; intakes: number }[];
  casesPerStep: { step: CaseStep; cases: number; overdue: number }[];
}

export const DAY_CHOICES = [7, 30, 90] as const;

export const dashboard = {
  statistics: (days: number) => api.get<Statistics>(`/api/v1/cases/statistics?days=${days}`),
};

export interface Series {
  labels: string[];
  values: number[];
}

/** Intakes per day, labelled `M/D` (zh) or `D Mon` (en) so that 90 labels still fit. */
export function intakesSeries(stats: Statistics, locale: string): Series {
  const format = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  return {
    labels: stats.intakesPerDay.map((d) => format.format(new Date(`${d.date}T00:00:00Z`))),
    values: stats.intakesPerDay.map((d) => d.intakes),
  };
}

/** Open cases per step, split into within the time limit and overdue (stacked bars). */
export function stepSeries(stats: Statistics, stepName: (step: CaseStep) => string): { labels: string[]; onTime: number[]; overdue: number[] } {
  return {
    labels: stats.casesPerStep.map((s) => stepName(s.step)),
    onTime: stats.casesPerStep.map((s) => s.cases - s.overdue),
    overdue: stats.casesPerStep.map((s) => s.overdue),
  };
}

/** Whole per cent of open cases that are overdue; 0 with no open case. */
export function overdueShare(stats: Statistics): number {
  return stats.open ? Math.round((stats.overdue / stats.open) * 100) : 0;
}

export function totalIntakes(stats: Statistics): number {
  return stats.intakesPerDay.reduce((sum, d) => sum + d.intakes, 0);
}

/** The step with the most overdue cases, for the sentence under the chart (null when none is overdue). */
export function worstStep(stats: Statistics): { step: CaseStep; overdue: number } | null {
  const worst = [...stats.casesPerStep].sort((a, b) => b.overdue - a.overdue)[0];
  return worst && worst.overdue > 0 ? { step: worst.step, overdue: worst.overdue } : null;
}
