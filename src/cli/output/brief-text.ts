/** The brief in the terminal: sections with tables, colour on a TTY, plain when piped. */
import type { Brief } from '../../app/operations/brief.js';
import type { StageStatus, SubstepStatus } from '../../core/picture/gates.js';
import { citationText, daysText, gapText, ratingColour, ratingText, readinessText } from './labels.js';
import { table, wrap, type Style } from './style.js';

function heading(style: Style, text: string): string {
  return `\n${style.paint(text.toUpperCase(), 'bold', 'blue')}`;
}

function substepText(s: SubstepStatus): string {
  const planned = s.plannedDate === null ? 'no date set' : s.plannedDate;
  const slip = s.slips.length > 0 ? `; slipped ${s.slips.length}×${s.slipDays === null || s.slipDays === 0 ? '' : `, +${s.slipDays} days`}` : '';
  switch (s.state) {
    case 'completed':
      return `completed ${s.recordDate ?? ''}`.trim();
    case 'in-progress':
      return `in progress since ${s.recordDate ?? '?'} (plan: ${planned}${slip})`;
    case 'stalled':
      return `stalled since ${s.recordDate ?? '?'} (plan: ${planned}${slip})`;
    case 'failed':
      return `failed ${s.recordDate ?? ''} (plan: ${planned}${slip})`;
    default:
      return `${s.state === 'planned' ? 'planned' : 'not started'} (plan: ${planned}${slip})`;
  }
}

function stageLines(stage: StageStatus, isCurrent: boolean, style: Style): string[] {
  const marker = stage.isComplete ? style.paint('✓', 'green') : isCurrent ? style.paint('▶', 'yellow') : style.paint('·', 'gray');
  const status = stage.isComplete ? 'complete' : stage.phase === null ? 'not started' : `${stage.phase} ${stage.state}`;
  // A completed stage is history; the criteria check speaks to the stages still ahead.
  const gate = stage.isComplete
    ? ''
    : stage.criteriaCheck.isPassed
      ? `; ${style.paint('criteria gate passes', 'green')}`
      : `; criteria gate: ${stage.criteriaCheck.blocking.length} rating(s) below the bar`;
  return [
    `  ${marker} ${style.paint(`${stage.stageId} ${stage.title}`, 'bold')} — ${status}${gate}`,
    ...stage.substeps.map((s) => {
      const colour = s.state === 'completed' ? 'green' : s.state === 'stalled' || s.state === 'failed' ? 'red' : s.state === 'in-progress' ? 'yellow' : 'gray';
      return `      ${s.substep.padEnd(12)} ${style.paint(substepText(s), colour)}`;
    }),
  ];
}

/** Render a brief for the terminal. */
export function renderBrief(brief: Brief, style: Style, columns: number): string {
  const p = brief.picture;
  const out: string[] = [];
  const sides = p.sides;
  const joint = p.jointPartyId;
  out.push(
    style.paint(`OPCON Transition Monitor — brief as of ${p.scope.asOf}`, 'bold') +
      `  [${p.marking}]  reader: ${p.scope.audience}`,
  );
  out.push(`${brief.plan.title} (plan ${brief.plan.id} v${brief.plan.version}) · ${brief.dataset.title}`);
  out.push(
    style.paint(
      `Record current to ${brief.dataset.currentTo}; known as of ${p.scope.knownAt.slice(0, 10)}. ` +
        `${p.counts.sources} sources, ${p.counts.statements} statements, ${p.counts.assessments} current assessments in view.`,
      'dim',
    ),
  );
  if (brief.isBeyondRecord) {
    out.push(style.paint(`Note: nothing after ${brief.dataset.currentTo} is in the record; the picture is the last known one.`, 'yellow'));
  }

  out.push(heading(style, 'Stages'));
  for (const stage of p.stages) out.push(...stageLines(stage, stage.stageId === p.currentStageId, style));

  out.push(heading(style, 'Conditions — readiness as each party sees it'));
  const condRows = p.conditions.map((c) => [
    `${c.conditionId} ${c.title}`,
    ...sides.map((s) => readinessText(c.byParty[s]!)),
    ...(joint ? [readinessText(c.byParty[joint]!)] : []),
    `${c.consensus.metCount}/${c.consensus.criteriaCount} met`,
    gapText(c.divergence),
  ]);
  condRows.push([
    'All conditions',
    ...sides.map((s) => {
      const o = p.overall.byParty[s]!;
      return o.readinessPct === null ? '—' : `${Math.round(o.readinessPct)}% · ${o.conditionsMet}/${o.conditionsCount} met`;
    }),
    ...(joint ? [(() => { const o = p.overall.byParty[joint]!; return o.readinessPct === null ? '—' : `${Math.round(o.readinessPct)}%`; })()] : []),
    `${p.overall.consensus.conditionsMet}/${p.overall.consensus.conditionsCount} met`,
    gapText(p.divergence.plan),
  ]);
  out.push(
    table(
      [
        { header: 'Condition', maxWidth: Math.max(32, columns - 62) },
        ...sides.map((s) => ({ header: s })),
        ...(joint ? [{ header: `${joint} bodies` }] : []),
        { header: 'Consensus' },
        { header: 'Gap', align: 'right' as const },
      ],
      condRows,
      style,
    ),
  );
  const verdicts = p.conditions.flatMap((c) =>
    Object.entries(c.statedVerdicts).map(([party, cell]) => `    ${c.conditionId}  ${party.padEnd(9)} ${ratingText(cell.rating).padEnd(12)} as of ${cell.asOf ?? '?'}`),
  );
  if (verdicts.length > 0) out.push('  Condition-level verdicts on record (a party\'s judgement of a whole condition):', ...verdicts);
  out.push(
    style.paint(
      '  Readiness: weighted mean of criterion ratings (0 not met … 3 met) under each party\'s own weights and rule; ' +
        'consensus: a criterion counts as met only when every side rates it met; gap: 0 agree … 1 opposite ends of the scale.',
      'dim',
    ),
  );

  out.push(heading(style, 'Divergence'));
  const trend = p.divergence.trend;
  const trendText =
    trend.delta === null ? 'no comparison available' : `${trend.delta > 0 ? '▲ wider' : trend.delta < 0 ? '▼ narrower' : '= unchanged'} by ${Math.abs(trend.delta).toFixed(2)} since ${trend.comparedTo}`;
  out.push(`  Plan-level gap ${gapText(p.divergence.plan)} (${trendText}).`);
  if (p.divergence.blocking.length === 0) out.push('  No criterion blocks consensus.');
  else {
    out.push('  Criteria that block consensus:');
    out.push(
      table(
        [{ header: 'Criterion' }, ...sides.map((s) => ({ header: s })), { header: 'Gap', align: 'right' as const }, { header: 'Why' }],
        p.divergence.blocking.map((b) => [
          b.criterionId,
          ...sides.map((s) => style.paint(ratingText(b.ratings[s] ?? null), ...ratingColour(b.ratings[s] ?? null))),
          gapText(b.gap),
          b.reason === 'split-on-met' ? 'one side says met' : b.reason === 'gap' ? 'ratings differ' : 'only one side has assessed',
        ]),
        style,
        '    ',
      ),
    );
  }
  if (p.divergence.sharedGaps.length > 0) out.push(`  Agreed shortfalls (both below met): ${p.divergence.sharedGaps.join(', ')}`);

  out.push(heading(style, 'Decisions and escalation'));
  const esc = p.escalation;
  const lastEsc = esc.records[0];
  out.push(
    `  Escalation level: ${style.paint(esc.level, esc.level === 'political' ? 'red' : esc.level === 'ministerial' ? 'yellow' : 'green')}` +
      (esc.isOpen && lastEsc ? ` (open since ${lastEsc.date}: ${lastEsc.item})` : ' (nothing open)'),
  );
  for (const e of esc.records.slice(0, 3)) {
    out.push(style.paint(`    ${e.date.padEnd(10)}  ${`${e.fromLevel} → ${e.toLevel}`.padEnd(24)} ${e.outcome.padEnd(10)} ${wrap(e.item, columns - 54, ' '.repeat(52))}`, 'dim'));
  }
  out.push('  Latest decisions:');
  for (const d of p.decisions.slice(0, 5)) {
    out.push(`    ${d.date.padEnd(10)}  ${d.forumId.padEnd(8)} ${wrap(d.title, columns - 26, ' '.repeat(24))}`);
  }

  out.push(heading(style, 'Key dates'));
  out.push(
    table(
      [{ header: 'Date' }, { header: 'What' }, { header: 'Days left', align: 'right' as const }],
      [
        ...p.keyDates.map((k) => [k.date, k.label, daysText(k.daysLeft)]),
      ],
      style,
    ),
  );
  out.push('');
  out.push(
    table(
      [{ header: 'Target' }, { header: 'Party' }, { header: 'Date' }, { header: 'Qualifier' }, { header: 'Standing' }, { header: 'Days left', align: 'right' as const }],
      p.targets.map((t) => [t.title, t.party, t.date, t.qualifier, t.standing, daysText(t.daysLeft)]),
      style,
    ),
  );

  out.push(heading(style, 'Most recent statements'));
  p.recentStatements.forEach(({ statement: s, citation }, i) => {
    const who = s.speaker === null ? (s.role ?? 'Unnamed source') : [s.speaker, s.role].filter(Boolean).join(', ');
    const quote = s.isVerbatim ? `“${s.text}”` : `(paraphrase) ${s.text}`;
    out.push(`  [${i + 1}] ${style.paint(s.saidOn ?? 'undated', 'bold')} ${who} — ${s.side}${s.stance ? `, ${s.stance}` : ''}`);
    out.push(`      ${wrap(quote, columns - 8, '      ')}`);
    out.push(style.paint(`      ${wrap(citationText(citation), columns - 8, '      ')}`, 'dim'));
  });

  if (brief.dataset.caveats.length > 0) {
    out.push(heading(style, 'Read with care'));
    for (const caveat of brief.dataset.caveats) out.push(`  • ${wrap(caveat, columns - 6, '    ')}`);
  }
  if (brief.dataset.recordGaps.length > 0) {
    const gaps = brief.dataset.recordGaps.map((g) => `${g.party} ${g.conditionId} ${g.years.join(', ')}`).join('; ');
    out.push(`  • ${wrap(`No assessment where the record is silent (by design, reasons in dataset.yaml): ${gaps}.`, columns - 6, '    ')}`);
  }
  return `${out.join('\n')}\n`;
}
