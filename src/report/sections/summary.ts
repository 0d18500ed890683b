/** The executive summary: stage, the three conditions per party, divergence, the forecast headline per view, escalation. */
import { heading, paragraph, strong, type Block, type Inline } from '../document.js';
import { gapText, groupThousands, percentText, readinessText } from '../words.js';
import { baselineRuns, viewLabel, type SectionContext } from './context.js';

function stageSentence(ctx: SectionContext): Inline[] {
  const p = ctx.data.brief.picture;
  const current = p.stages.find((s) => s.stageId === p.currentStageId);
  const done = p.stages.filter((s) => s.isComplete).map((s) => s.stageId);
  if (current === undefined) return [`All stages are complete (${done.join(', ')}).`];
  const phase = current.phase === null ? 'not started' : `${current.phase} ${current.state}`;
  const gate = current.criteriaCheck.isPassed ? 'its criteria gate would pass on the current ratings' : `${current.criteriaCheck.blocking.length} rating(s) are below its gate`;
  return [
    'Current stage: ',
    strong(`${current.stageId} ${current.title}`),
    ` — ${phase}; ${gate}.`,
    done.length > 0 ? ` Completed: ${done.join(', ')}.` : '',
  ];
}

/** The summary blocks. */
export function summarySection(ctx: SectionContext): Block[] {
  const { data } = ctx;
  const p = data.brief.picture;
  const sides = p.sides;
  const blocks: Block[] = [heading(2, 'Executive summary', 'summary')];
  blocks.push(paragraph(...stageSentence(ctx)));
  if (data.brief.isBeyondRecord) {
    blocks.push(paragraph(strong('Note: '), `the record is current to ${data.brief.dataset.currentTo}; nothing after that date is in it, so the picture is the last known one.`));
  }
  blocks.push({
    kind: 'table',
    head: ['Condition', ...sides.map((s) => `${s} readiness`), 'Consensus', 'Gap'],
    rows: [
      ...p.conditions.map((c) => [[`${c.conditionId} ${c.title}`], ...sides.map((s) => [readinessText(c.byParty[s]!)]), [`${c.consensus.metCount}/${c.consensus.criteriaCount} criteria met`], [gapText(c.divergence)]]),
      [
        [strong('All conditions')],
        ...sides.map((s) => {
          const o = p.overall.byParty[s]!;
          return [o.readinessPct === null ? '—' : `${Math.round(o.readinessPct)}% · ${o.conditionsMet}/${o.conditionsCount} met`];
        }),
        [`${p.overall.consensus.conditionsMet}/${p.overall.consensus.conditionsCount} met`],
        [gapText(p.divergence.plan)],
      ],
    ],
    numericColumns: [sides.length + 2],
  });
  const trend = p.divergence.trend;
  const trendText = trend.delta === null ? 'no earlier picture to compare with' : `${trend.delta > 0 ? 'wider' : trend.delta < 0 ? 'narrower' : 'unchanged'} by ${Math.abs(trend.delta).toFixed(2)} since ${trend.comparedTo}`;
  blocks.push(
    paragraph(
      strong('Divergence: '),
      `plan-level gap ${gapText(p.divergence.plan)} (0 agree … 1 opposite ends of the scale), ${trendText}. `,
      p.divergence.blocking.length === 0 ? 'No criterion blocks consensus.' : `${p.divergence.blocking.length} criteria block consensus: ${p.divergence.blocking.map((b) => b.criterionId).join(', ')}.`,
      p.divergence.sharedGaps.length > 0 ? ` Agreed shortfalls (every side below met): ${p.divergence.sharedGaps.join(', ')}.` : '',
    ),
  );
  const esc = p.escalation;
  const open = esc.records.find((e) => e.outcome === 'pending');
  blocks.push(paragraph(strong('Escalation: '), `${esc.level} level`, esc.isOpen && open !== undefined ? ` — open since ${open.date}: ${open.item}.` : ' — nothing open.'));
  const runs = baselineRuns(data);
  const keyDates = data.plan.keyDates;
  blocks.push(paragraph(strong('Forecast headline '), `(Monte Carlo, ${groupThousands(data.iterations)} iterations per view, seed ${data.forecast.seed}): when the transfer happens, per view.`));
  blocks.push({
    kind: 'table',
    head: ['View', 'P50', 'P80', ...keyDates.map((k) => `By ${k.date}`)],
    rows: runs.map((r) => {
      const q = (pct: number) => r.run.final.quantiles.find((x) => x.percentile === pct)?.date ?? '—';
      return [
        [viewLabel(r.view)],
        [q(50)],
        [q(80)],
        ...keyDates.map((k) => {
          const prob = r.run.final.probabilities.find((x) => x.date === k.date);
          return [prob === undefined ? '—' : percentText(prob.probability)];
        }),
      ];
    }),
    numericColumns: keyDates.map((_, i) => i + 3),
  });
  blocks.push(paragraph('Key dates: ', ...keyDates.flatMap((k, i): Inline[] => [`${i > 0 ? '; ' : ''}${k.date} — ${k.label}`, ...ctx.citations.cite(k.sourceIds)]), '.'));
  return blocks;
}
