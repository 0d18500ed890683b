/** The stage and gate tracker: each stage's sub-steps (assessment, verification, approval), planned against actual, and every slip with its reason. */
import type { SubstepStatus } from '../../core/picture/gates.js';
import { heading, paragraph, strong, type Block, type Inline } from '../document.js';
import { signedDays } from '../words.js';
import type { SectionContext } from './context.js';

function stateText(s: SubstepStatus): string {
  switch (s.state) {
    case 'completed':
      return `completed ${s.recordDate ?? ''}`.trim();
    case 'in-progress':
      return `in progress since ${s.recordDate ?? '?'}`;
    case 'stalled':
      return `stalled since ${s.recordDate ?? '?'}`;
    case 'failed':
      return `failed ${s.recordDate ?? ''}`.trim();
    case 'planned':
      return 'planned';
    default:
      return 'not started';
  }
}

/** The tracker blocks. */
export function stagesSection(ctx: SectionContext): Block[] {
  const { data, citations } = ctx;
  const p = data.brief.picture;
  const records = new Map(data.ledger.gateRecords.map((g) => [g.id, g]));
  const blocks: Block[] = [heading(2, 'Stages and gates', 'stages')];
  for (const stage of p.stages) {
    const status = stage.isComplete ? 'complete' : stage.phase === null ? 'not started' : `${stage.phase} ${stage.state}`;
    const gate = stage.isComplete ? '' : stage.criteriaCheck.isPassed ? '; the criteria gate would pass on the current ratings' : `; criteria gate: ${stage.criteriaCheck.blocking.length} rating(s) below the bar`;
    blocks.push(heading(3, `${stage.stageId} ${stage.title}${stage.stageId === p.currentStageId ? ' (current)' : ''}`, `stage-${stage.stageId}`));
    blocks.push(paragraph(strong(status), gate, '.'));
    blocks.push({
      kind: 'table',
      head: ['Sub-step', 'State', 'First planned', 'Planned now', 'Slips', 'Source'],
      rows: stage.substeps.map((s) => {
        const record = s.recordId === null ? undefined : records.get(s.recordId);
        const cites = record === undefined ? [] : citations.cite(record.sourceIds);
        return [
          [s.substep],
          [stateText(s)],
          [s.originalPlannedDate ?? '—'],
          [s.plannedDate ?? 'no date set'],
          [s.slips.length === 0 ? '—' : `${s.slips.length}×${s.slipDays === null || s.slipDays === 0 ? '' : `, ${signedDays(s.slipDays)}`}`],
          cites.length === 0 ? ['—'] : cites,
        ];
      }),
    });
    const slips = stage.substeps.flatMap((s) => s.slips.map((slip) => ({ substep: s.substep, slip })));
    if (slips.length > 0) {
      blocks.push({
        kind: 'list',
        items: slips.map(({ substep, slip }): Inline[] => [
          `${substep}: ${slip.from} → ${slip.to ?? 'no new date'}, announced ${slip.announcedOn} — ${slip.reason}`,
          ...citations.cite(slip.sourceIds),
        ]),
      });
    }
  }
  return blocks;
}
