/** The appendices: the numbered sources, and the method and assumptions behind every figure. */
import { heading, link, paragraph, strong, type Block, type Inline } from '../document.js';
import type { Distribution } from '../../core/forecast/model-schema.js';
import { groupThousands } from '../words.js';
import type { SectionContext } from './context.js';

/** A duration distribution in words: "PERT 30–90–240 days", "lognormal 90% in 120–540 days". */
function distributionText(d: Distribution): string {
  switch (d.kind) {
    case 'lognormal':
      return `lognormal, 90% within ${d.p5Days}–${d.p95Days} days`;
    case 'pert':
      return `PERT ${d.minDays}–${d.modeDays}–${d.maxDays} days${d.lambda === 4 ? '' : ` (λ ${d.lambda})`}`;
    case 'triangular':
      return `triangular ${d.minDays}–${d.modeDays}–${d.maxDays} days`;
    case 'uniform':
      return `uniform ${d.minDays}–${d.maxDays} days`;
    case 'fixed':
      return `${d.days} days`;
    case 'met':
      return 'already met';
  }
}

/** The method-and-assumptions blocks (appendix B); called before the sources so that its citations are numbered. */
export function methodSection(ctx: SectionContext): Block[] {
  const { data, citations } = ctx;
  const b = data.brief;
  const estimates = data.brief.picture.criteria.flatMap((c) => Object.values(c.byParty)).filter((cell) => cell.assessmentId !== null);
  const estimateCount = estimates.filter((cell) => cell.isEstimate).length;
  const f = data.plan.forecast;
  const blocks: Block[] = [heading(2, 'Appendix B. Method and assumptions', 'method')];
  blocks.push({
    kind: 'list',
    items: [
      [strong('Record: '), `${b.dataset.title} (${b.dataset.id}), current to ${b.dataset.currentTo}; plan ${b.plan.id} v${b.plan.version} — ${b.plan.title}.`],
      [strong('Scope: '), `as of ${data.asOf}, known as of ${b.picture.scope.knownAt}; reader ${b.picture.scope.audience}; changes since ${data.since}; marking ${data.marking}.`],
      [strong('Assessments: '), `${estimateCount} of the ${estimates.length} current criterion judgements are public-record estimates (†): ratings inferred from published statements, with a stated rationale, not official scores.`],
      [strong('Readiness: '), 'the weighted mean of criterion ratings (0 not met … 3 met) under each party\'s own weights and roll-up rule; the consensus counts a criterion as met only when every side rates it met.'],
      [strong('Forecast: '), `Monte Carlo, ${groupThousands(data.iterations)} iterations per view, seed ${data.forecast.seed}; the same as-of, since and seed reproduce every figure of this report.`],
    ],
  });
  if (f !== undefined) {
    const r = f.remainingByRating;
    const items: Inline[][] = [
      [`Time to met from a rating (lognormal 90% interval, days): not met ${r.notMet.p5Days}–${r.notMet.p95Days}; partly ${r.partly.p5Days}–${r.partly.p95Days}; largely ${r.largely.p5Days}–${r.largely.p95Days}; unrated ${r.unrated.p5Days}–${r.unrated.p95Days}.`],
      [`An assessment older than ${f.staleAfterDays} days counts as unrated; low confidence widens the interval by a factor 1 + ${f.confidenceWidening} × (1 − confidence).`],
      [`Pace: compared with a judgement at least ${f.pace.minSpanDays} days older, weight ${f.pace.weight}; a stalled rating multiplies the median by ${f.pace.stalledFactor} (bounds ${f.pace.minFactor}–${f.pace.maxFactor}).`],
      ...(f.verificationMonths === undefined ? [] : [[`Stage verifications start in months ${f.verificationMonths.join(', ')}.`]]),
      ...Object.entries(f.stages).map(([id, s]): Inline[] => [
        `Gate ${id}: verification ${distributionText(s.verification)}; failure probability ${s.failureProbability}; rework ${distributionText(s.rework)}.`,
        ...(s.note === undefined ? [] : [` ${s.note}`]),
      ]),
      ...Object.entries(f.decision).map(([level, d]): Inline[] => [
        `Decision at the ${level} level: delay ${distributionText(d!.delay)}${d!.politicalDecision === undefined ? '' : `; the leaders decide with probability ${d!.politicalDecision.probabilityPerPeriod} per ${d!.politicalDecision.periodDays} days`}.`,
        ...(d!.note === undefined ? [] : [` ${d!.note}`]),
      ]),
      ...f.correlationGroups.map((g): Inline[] => [`Correlated criteria (${g.id}, rank correlation ${g.rankCorrelation}): ${g.criteria.join(', ')}.`, ...(g.note === undefined ? [] : [` ${g.note}`])]),
    ];
    blocks.push(paragraph(strong('Forecast parameters'), ' (modelling assumptions of the plan, not facts of the record):', ...citations.cite(f.sourceIds)));
    blocks.push({ kind: 'list', items });
  }
  if (data.plan.assumptions.length > 0) {
    blocks.push(paragraph(strong('Plan assumptions:')));
    blocks.push({ kind: 'list', items: data.plan.assumptions.map((a) => [a]) });
  }
  if (b.dataset.caveats.length > 0) {
    blocks.push(paragraph(strong('Read with care:')));
    blocks.push({ kind: 'list', items: b.dataset.caveats.map((c) => [c]) });
  }
  if (b.dataset.recordGaps.length > 0) {
    blocks.push(paragraph(strong('Where the record is silent'), ' (no assessment, by design):'));
    blocks.push({ kind: 'list', items: b.dataset.recordGaps.map((g) => [`${g.party} ${g.conditionId} ${g.years.join(', ')}: ${g.reason}`]) });
  }
  return blocks;
}

/** The numbered sources (appendix A): every source cited anywhere in the report. */
export function sourcesSection(ctx: SectionContext): Block[] {
  const cited = ctx.citations.cited();
  return [
    heading(2, 'Appendix A. Sources', 'sources'),
    paragraph(`${cited.length} sources are cited in this report; reliability grades run from A (official primary text) to E (low-quality mirror).`),
    {
      kind: 'sources',
      items: cited.map(({ n, source: s }) => ({
        n,
        inlines: [
          `${s.outlet}, ${s.published ?? 'undated'}${s.title === null ? '' : `. ${s.title}`}. `,
          ...(s.url === null ? [] : [link(s.url, s.url), ' ']),
          `(${s.sourceKind}, grade ${s.reliability}${s.releasability === 'PUBLIC' ? '' : `, ${s.releasability}`})`,
        ],
      })),
    },
  ];
}
