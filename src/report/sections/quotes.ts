/** Key quotes: the latest verbatim statements in the record, each with its speaker, date and numbered citation. */
import { heading, paragraph, type Block } from '../document.js';
import type { SectionContext } from './context.js';

/** The key-quotes blocks. */
export function quotesSection(ctx: SectionContext): Block[] {
  const { data, citations } = ctx;
  const quotes = data.brief.picture.recentStatements.filter(({ statement }) => statement.isVerbatim);
  const blocks: Block[] = [heading(2, 'Key quotes', 'quotes')];
  if (quotes.length === 0) return [...blocks, paragraph('No verbatim statement is in the record for this reader.')];
  for (const { statement: s } of quotes) {
    const who = [s.speaker, s.role].filter((x): x is string => x !== null).join(', ') || 'Unnamed source';
    blocks.push({ kind: 'quote', inlines: [s.text], attribution: [`${who} — ${s.side}, ${s.saidOn ?? 'undated'} `, ...citations.cite([s.sourceId])] });
  }
  return blocks;
}
