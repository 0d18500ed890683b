/** Conditions in detail: each criterion's rating by each party, the gap, confidence, when last assessed and the evidence cited. */
import type { Assessment } from '../../core/ledger/schema.js';
import { heading, paragraph, strong, type Block, type Inline } from '../document.js';
import { gapText, ratingText, readinessText } from '../words.js';
import type { SectionContext } from './context.js';

/** "largely (2)†" with the estimate mark, confidence and date. */
function cellInlines(assessment: Assessment | undefined): Inline[] {
  if (assessment === undefined) return ['—'];
  const mark = assessment.basis === 'public-record-estimate' ? '†' : '';
  return [`${ratingText(assessment.rating)}${mark}, conf. ${assessment.confidence.toFixed(2)}, ${assessment.asOf}`];
}

/** The conditions-detail blocks. */
export function conditionsSection(ctx: SectionContext): Block[] {
  const { data, citations } = ctx;
  const p = data.brief.picture;
  const parties = [...p.sides, ...(p.jointPartyId === null ? [] : [p.jointPartyId])];
  const byId = new Map(data.ledger.assessments.map((a) => [a.id, a]));
  const blocks: Block[] = [heading(2, 'Conditions in detail', 'conditions')];
  blocks.push(
    paragraph(
      'Each cell gives the rating (0 not met … 3 met), the confidence of the record (0–1) and the date the judgement speaks for; ',
      '† marks a public-record estimate (inferred from published statements, not an official score). ',
      'Gap: 0 the sides agree … 1 opposite ends of the scale. Numbers in brackets cite the sources listed in the appendix.',
    ),
  );
  for (const condition of p.conditions) {
    blocks.push(heading(3, `${condition.conditionId} ${condition.title}`, `condition-${condition.conditionId}`));
    blocks.push(paragraph(...parties.flatMap((party, i): Inline[] => [`${i > 0 ? ' · ' : ''}${party}: `, strong(readinessText(condition.byParty[party]!))]), ` · gap ${gapText(condition.divergence)}.`));
    const rows = p.criteria
      .filter((c) => c.conditionId === condition.conditionId)
      .map((c) => {
        const assessments = parties.map((party) => {
          const id = c.byParty[party]?.assessmentId ?? null;
          return id === null ? undefined : byId.get(id);
        });
        const evidence = citations.cite(
          assessments.flatMap((a) => a?.sourceIds ?? []),
          assessments.flatMap((a) => a?.statementIds ?? []),
        );
        return [[`${c.criterionId}`, ` — ${c.title}`], ...assessments.map(cellInlines), [gapText(c.gap)], evidence.length === 0 ? ['—'] : evidence];
      });
    blocks.push({ kind: 'table', head: ['Criterion', ...parties, 'Gap', 'Evidence'], rows, numericColumns: [parties.length + 1] });
    const verdicts = Object.entries(condition.statedVerdicts).map(([party, cell]) => {
      const a = cell.assessmentId === null ? undefined : byId.get(cell.assessmentId);
      return [`${party}: ${ratingText(cell.rating)}${cell.isEstimate ? '†' : ''} as of ${cell.asOf ?? '?'}`, ...(a === undefined ? [] : citations.cite(a.sourceIds, a.statementIds))];
    });
    if (verdicts.length > 0) blocks.push(paragraph(strong('Condition-level verdicts on record'), ' (a party\'s judgement of the whole condition):'), { kind: 'list', items: verdicts });
  }
  const blocking = p.divergence.blocking;
  if (blocking.length > 0) {
    blocks.push(heading(3, 'What blocks consensus', 'blocking'));
    blocks.push({
      kind: 'table',
      head: ['Criterion', ...p.sides, 'Gap', 'Why'],
      rows: blocking.map((b) => [
        [b.criterionId],
        ...p.sides.map((s) => [ratingText(b.ratings[s] ?? null)]),
        [gapText(b.gap)],
        [b.reason === 'split-on-met' ? 'one side says met' : b.reason === 'gap' ? 'ratings differ' : 'only one side has assessed'],
      ]),
      numericColumns: [p.sides.length + 1],
    });
  }
  return blocks;
}
