/** The forecast: S-curves per view with the key dates, quantiles and probabilities by date, the tornado and criticality of the combined view. */
import { heading, paragraph, strong, type Block } from '../document.js';
import { sCurveSvg } from '../svg/s-curve.js';
import { tornadoSvg } from '../svg/tornado.js';
import { groupThousands, percentText } from '../words.js';
import { baselineRuns, viewLabel, type SectionContext } from './context.js';

/** How many inputs the tornado shows. */
const TORNADO_BARS = 10;
const PERCENTILES = [10, 25, 50, 80, 90] as const;

/** A step's title with its id, once: "Full Mission Capability (FMC): verification", not "… (FMC) (FMC.verification)". */
function stepLabel(title: string, id: string): string {
  const stage = /\(([^()]+)\)$/.exec(title)?.[1];
  if (stage === id) return title;
  if (stage !== undefined && id.startsWith(`${stage}.`)) return `${title}: ${id.slice(stage.length + 1)}`;
  return `${title} (${id})`;
}

/** The forecast blocks. */
export function forecastSection(ctx: SectionContext): Block[] {
  const { data } = ctx;
  const runs = baselineRuns(data);
  const keyDates = data.plan.keyDates;
  const blocks: Block[] = [heading(2, 'Forecast', 'forecast')];
  blocks.push(
    paragraph(
      `When the transfer happens, simulated ${groupThousands(data.iterations)} times per view from the ratings in the record as of ${data.asOf} (seed ${data.forecast.seed}). `,
      'Each side\'s view uses that side\'s own ratings; the combined view uses the lower of the two for each criterion. ',
      'The durations, pass rates and delays are the plan\'s stated assumptions (appendix B), not facts of the record.',
    ),
  );
  blocks.push({
    kind: 'figure',
    svg: sCurveSvg('Probability of the transfer by date, per view', runs.map((r) => ({ label: viewLabel(r.view), points: r.run.final.sCurve })), keyDates.map((k) => ({ date: k.date, label: k.label }))),
    alt: `S-curves of the transfer date for ${runs.map((r) => viewLabel(r.view)).join(', ')}`,
    caption: `Figure 1. Probability that the transfer has happened by each date. Dotted verticals: ${keyDates.map((k, i) => `${i + 1} ${k.label} (${k.date})`).join('; ')}.`,
  });
  blocks.push({
    kind: 'table',
    head: ['View', ...PERCENTILES.map((p) => `P${p}`), 'Mean'],
    rows: runs.map((r) => [
      [viewLabel(r.view)],
      ...PERCENTILES.map((pct) => [r.run.final.quantiles.find((q) => q.percentile === pct)?.date ?? '—']),
      [`${groupThousands(Math.round(r.run.final.meanDays))} days`],
    ]),
  });
  blocks.push({
    kind: 'table',
    head: ['View', ...keyDates.map((k) => `By ${k.date}`)],
    rows: runs.map((r) => [
      [viewLabel(r.view)],
      ...keyDates.map((k) => {
        const p = r.run.final.probabilities.find((x) => x.date === k.date);
        return [p === undefined ? '—' : `${percentText(p.probability)} ± ${(2 * p.standardError * 100).toFixed(1)}`];
      }),
    ]),
  });
  blocks.push(paragraph('Probabilities are given with ± two Monte Carlo standard errors, in percentage points.'));
  const combined = runs.find((r) => r.view === 'combined') ?? runs[runs.length - 1];
  if (combined !== undefined) {
    const bars = combined.run.sensitivity
      .filter((s) => s.lowDecileMeanDays !== null && s.highDecileMeanDays !== null)
      .slice(0, TORNADO_BARS)
      .map((s) => ({ label: s.label, lowDays: s.lowDecileMeanDays!, highDays: s.highDecileMeanDays!, rankCorrelation: s.rankCorrelation }));
    if (bars.length > 0) {
      blocks.push({
        kind: 'figure',
        svg: tornadoSvg(`What moves the date most (${viewLabel(combined.view)})`, data.asOf, combined.run.final.meanDays, bars),
        alt: `Tornado chart of the ${bars.length} forecast inputs with the strongest effect on the transfer date`,
        caption: `Figure 2. ${viewLabel(combined.view)}: mean transfer date with each input in its lowest and highest decile; ρ is its rank correlation with the transfer date.`,
      });
    }
    const critical = [...combined.run.nodes].filter((n) => n.criticality > 0).sort((a, b) => b.criticality - a.criticality || (a.id < b.id ? -1 : 1)).slice(0, 8);
    if (critical.length > 0) {
      blocks.push(paragraph(strong('Criticality'), ` (${viewLabel(combined.view)}): the share of iterations in which a step lay on the critical path to the transfer.`));
      blocks.push({
        kind: 'table',
        head: ['Step', 'Critical in', 'P50 done'],
        rows: critical.map((n) => [[stepLabel(n.title, n.id)], [percentText(n.criticality)], [n.quantiles.find((q) => q.percentile === 50)?.date ?? '—']]),
        numericColumns: [1],
      });
    }
  }
  if (data.forecast.source.kind === 'plan' && data.forecast.source.note !== null) blocks.push(paragraph(strong('Read with care: '), data.forecast.source.note));
  return blocks;
}
