/** What changed since: records that entered the view, judgements that moved, and how each view's forecast shifted. */
import { heading, paragraph, strong, type Block, type Inline } from '../document.js';
import { groupThousands, percentText, ratingText, signedDays, signedPoints } from '../words.js';
import { forumName, subjectTitle, viewLabel, type SectionContext } from './context.js';

/** How many new statements are listed (all are counted). */
const STATEMENT_LIMIT = 15;

const MOVE_WORDS = { raised: 'raised', lowered: 'lowered', first: 'first judgement', reaffirmed: 'reaffirmed', 'now-unassessed': 'now unassessed', 'now-rated': 'now rated' } as const;

/** The changes blocks. */
export function changesSection(ctx: SectionContext): Block[] {
  const { data, citations } = ctx;
  const c = data.changes;
  const blocks: Block[] = [heading(2, `What changed since ${c.since}`, 'changes')];
  const counts = [
    [c.statements.length, 'new statement'],
    [c.sources.length, 'new source'],
    [c.assessments.length, 'assessment change'],
    [c.decisions.length, 'decision'],
    [c.escalations.length, 'escalation record'],
    [c.gateRecords.length, 'gate record'],
    [c.events.length, 'timeline event'],
  ] as const;
  blocks.push(paragraph(`From ${c.since} to ${c.asOf}, in the record as this reader sees it: `, counts.map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`).join(', '), '.'));

  blocks.push(heading(3, 'Forecast shifts', 'forecast-shifts'));
  if (data.shifts.length === 0) blocks.push(paragraph(`No forecast can be made as of ${c.since} from the record, so there is no shift to report.`));
  else {
    const dates = data.shifts[0]!.shift.probabilities;
    blocks.push({
      kind: 'table',
      head: ['View', 'P50', 'P80', ...dates.map((d) => `By ${d.date}`)],
      rows: data.shifts.map(({ view, shift }) => [
        [viewLabel(view)],
        [`${shift.p50.before} → ${shift.p50.after} (${signedDays(shift.p50.deltaDays)})`],
        [`${shift.p80.before} → ${shift.p80.after} (${signedDays(shift.p80.deltaDays)})`],
        ...shift.probabilities.map((p) => [`${percentText(p.before)} → ${percentText(p.after)} (${signedPoints(p.delta)}${p.isBeyondNoise ? '' : ', within noise'})`]),
      ]),
    });
    blocks.push(paragraph(`"Within noise": the change is no larger than two standard errors of the difference of the two Monte Carlo estimates; both runs use the same seed and ${groupThousands(data.iterations)} iterations.`));
  }

  blocks.push(heading(3, 'Assessment changes', 'assessment-changes'));
  if (c.assessments.length === 0) blocks.push(paragraph('No party changed a judgement in this period.'));
  else {
    blocks.push({
      kind: 'table',
      head: ['Subject', 'Party', 'Before', 'Now', 'Change', 'Rationale', 'Source'],
      rows: c.assessments.map((a) => [
        [`${a.subjectId} — ${subjectTitle(data, a.subjectId)}`],
        [a.party],
        [a.before === null ? '—' : `${ratingText(a.before.rating)} (${a.before.asOf})`],
        [`${ratingText(a.after.rating)}${a.after.basis === 'public-record-estimate' ? '†' : ''} (${a.after.asOf})`],
        [MOVE_WORDS[a.move]],
        [a.after.rationale],
        citations.cite(a.after.sourceIds, a.after.statementIds),
      ]),
    });
  }

  const dated: { readonly title: string; readonly items: readonly Inline[][] }[] = [
    { title: 'Decisions', items: c.decisions.map((d) => [`${d.date} ${forumName(data, d.forumId)} (${d.level}): `, strong(d.title), ...citations.cite(d.sourceIds, d.statementIds)]) },
    { title: 'Escalation', items: c.escalations.map((e) => [`${e.date} ${e.fromLevel} → ${e.toLevel}, ${e.outcome}: ${e.item}`, ...citations.cite(e.sourceIds, e.statementIds)]) },
    { title: 'Gate records', items: c.gateRecords.map((g) => [`${g.date} ${g.stageId} ${g.substep} ${g.status}: ${g.description}`, ...citations.cite(g.sourceIds)]) },
    { title: 'Timeline events', items: c.events.map((e) => [`${e.date} ${e.title}`, ...citations.cite(e.sourceIds)]) },
  ];
  for (const group of dated) {
    if (group.items.length === 0) continue;
    blocks.push(heading(3, group.title, `changes-${group.title.toLowerCase().replace(/\s+/g, '-')}`));
    blocks.push({ kind: 'list', items: group.items });
  }

  blocks.push(heading(3, 'New statements', 'new-statements'));
  if (c.statements.length === 0) blocks.push(paragraph('No new statement in this period.'));
  else {
    blocks.push({
      kind: 'list',
      items: c.statements.slice(0, STATEMENT_LIMIT).map((s): Inline[] => [
        `${s.saidOn ?? 'undated'} — ${s.speaker ?? s.role ?? 'unnamed'} (${s.side}${s.stance === null ? '' : `, ${s.stance}`}): `,
        s.isVerbatim ? `“${s.text}”` : `(paraphrase) ${s.text}`,
        ...citations.cite([s.sourceId]),
      ]),
    });
    if (c.statements.length > STATEMENT_LIMIT) blocks.push(paragraph(`${c.statements.length - STATEMENT_LIMIT} more new statements are in the record and not listed here.`));
  }
  return blocks;
}
