/** What every section is composed from: the report's data, its citation register and the names it uses. */
import type { ReportData } from '../../app/operations/report.js';
import type { ForecastRunEntry } from '../../app/operations/forecast.js';
import type { Citations } from '../citations.js';

export interface SectionContext {
  readonly data: ReportData;
  readonly citations: Citations;
}

/** The name of a forecast view: a side's ratings, or the combined (lower) rating. */
export function viewLabel(view: string | null): string {
  if (view === null) return 'model';
  return view === 'combined' ? 'Combined (lower rating)' : `${view} view`;
}

/** The baseline run of each view, in the forecast's order. */
export function baselineRuns(data: ReportData): readonly (ForecastRunEntry & { readonly view: string })[] {
  return data.forecast.runs.filter((r): r is ForecastRunEntry & { readonly view: string } => r.scenario === null && r.view !== null);
}

/** The title of a criterion or condition, by id. */
export function subjectTitle(data: ReportData, id: string): string {
  return data.plan.criteria.find((c) => c.id === id)?.title ?? data.plan.conditions.find((c) => c.id === id)?.title ?? id;
}

/** A forum's name, by id. */
export function forumName(data: ReportData, id: string | undefined): string {
  if (id === undefined) return '—';
  return data.plan.forums.find((f) => f.id === id)?.name ?? id;
}
