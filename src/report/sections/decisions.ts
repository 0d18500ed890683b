/** Decisions and escalation: the current level, the escalation record and the latest decisions by forum and level. */
import { heading, paragraph, strong, type Block } from '../document.js';
import { forumName, type SectionContext } from './context.js';

/** How many of the latest decisions the report lists. */
const DECISION_LIMIT = 12;

/** The decisions-and-escalation blocks. */
export function decisionsSection(ctx: SectionContext): Block[] {
  const { data, citations } = ctx;
  const p = data.brief.picture;
  const esc = p.escalation;
  const blocks: Block[] = [heading(2, 'Decisions and escalation', 'decisions')];
  blocks.push(paragraph('Current escalation level: ', strong(esc.level), esc.isOpen ? ' (an item is open).' : ' (nothing open).'));
  if (esc.records.length > 0) {
    blocks.push({
      kind: 'table',
      head: ['Date', 'From → to', 'Forum', 'Item', 'Outcome', 'Source'],
      rows: esc.records.map((e) => [[e.date], [`${e.fromLevel} → ${e.toLevel}`], [forumName(data, e.forumId)], [e.item], [e.outcome], citations.cite(e.sourceIds, e.statementIds)]),
    });
  }
  const decisions = p.decisions.slice(0, DECISION_LIMIT);
  blocks.push(heading(3, 'Latest decisions', 'latest-decisions'));
  if (decisions.length === 0) blocks.push(paragraph('No decision is on record.'));
  else {
    blocks.push({
      kind: 'table',
      head: ['Date', 'Forum', 'Level', 'Decision', 'Source'],
      rows: decisions.map((d) => [[d.date], [forumName(data, d.forumId)], [d.level], [strong(d.title), ` — ${d.decided}`], citations.cite(d.sourceIds, d.statementIds)]),
    });
    if (p.decisions.length > DECISION_LIMIT) blocks.push(paragraph(`${p.decisions.length - DECISION_LIMIT} earlier decisions are in the record and not listed here.`));
  }
  return blocks;
}
