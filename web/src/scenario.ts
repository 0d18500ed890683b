/** The scenario builder's form as a what-if scenario the forecast accepts (the plan's override kinds). */

export interface ScenarioDraft {
  readonly title: string;
  /** "", or a period: YYYY, YYYY-Hn, YYYY-Qn. */
  readonly politicalPeriod: string;
  /** Gate failure probability per stage id, in percent; "" keeps the plan's. */
  readonly failurePct: Readonly<Record<string, string>>;
  readonly delayTarget: string;
  readonly delayDays: string;
  readonly ratingCriterion: string;
  readonly ratingParty: string;
  readonly rating: string;
}

export type Override =
  | { readonly kind: 'political-decision'; readonly period: string }
  | { readonly kind: 'gate'; readonly stage: string; readonly failureProbability: number }
  | { readonly kind: 'delay'; readonly target: string; readonly days: number }
  | { readonly kind: 'set-rating'; readonly criterion: string; readonly party?: string; readonly rating: number };

export interface CustomScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly overrides: readonly Override[];
}

export const EMPTY_DRAFT: ScenarioDraft = { title: '', politicalPeriod: '', failurePct: {}, delayTarget: '', delayDays: '', ratingCriterion: '', ratingParty: '', rating: '' };

/** The overrides the draft sets, in a fixed order; fields left empty set nothing. */
export function draftOverrides(d: ScenarioDraft): readonly Override[] {
  const out: Override[] = [];
  if (d.politicalPeriod !== '') out.push({ kind: 'political-decision', period: d.politicalPeriod });
  for (const [stage, pct] of Object.entries(d.failurePct)) {
    const value = Number(pct);
    if (pct !== '' && Number.isFinite(value) && value >= 0 && value <= 100) out.push({ kind: 'gate', stage, failureProbability: value / 100 });
  }
  const days = Number(d.delayDays);
  if (d.delayTarget !== '' && d.delayDays !== '' && Number.isFinite(days) && days >= 0) out.push({ kind: 'delay', target: d.delayTarget, days });
  if (d.ratingCriterion !== '' && d.rating !== '') out.push({ kind: 'set-rating', criterion: d.ratingCriterion, ...(d.ratingParty === '' ? {} : { party: d.ratingParty }), rating: Number(d.rating) });
  return out;
}

/** A plain-words account of the overrides, for the scenario's description. */
export function describeOverrides(overrides: readonly Override[]): string {
  return overrides
    .map((o) => {
      switch (o.kind) {
        case 'political-decision':
          return `the leaders decide within ${o.period}`;
        case 'gate':
          return `${o.stage} verification fails with probability ${Math.round(o.failureProbability * 100)}%`;
        case 'delay':
          return `${o.target} slips ${o.days} days`;
        case 'set-rating':
          return `${o.party ?? 'every side'} rates ${o.criterion} ${o.rating} from now`;
      }
    })
    .join('; ');
}

/** The draft as a scenario with an id unique among `taken`, or null when it sets nothing. */
export function draftScenario(d: ScenarioDraft, taken: readonly string[]): CustomScenario | null {
  const overrides = draftOverrides(d);
  if (overrides.length === 0) return null;
  let n = 1;
  while (taken.includes(`custom-${n}`)) n += 1;
  const description = describeOverrides(overrides);
  return { id: `custom-${n}`, title: d.title.trim() === '' ? description : d.title.trim(), description, overrides };
}
