/**
 * Source ids written in the record's prose ("completion planned by November [S85]") become the
 * report's numbered citations, so that a reader can follow them to the source list. An id the
 * reader may not see is dropped: the report must not show it in any form.
 */
import type { Citations } from './citations.js';
import type { Block, Inline } from './document.js';

const SOURCE_ID = /\[(S\d[\w.-]*)\]/g;

function inTextInlines(inlines: readonly Inline[], citations: Citations): Inline[] {
  return inlines.flatMap((i): Inline[] => {
    if (typeof i !== 'string' || !i.includes('[S')) return [i];
    const out: Inline[] = [];
    let last = 0;
    for (const match of i.matchAll(SOURCE_ID)) {
      if (match.index > last) out.push(i.slice(last, match.index));
      out.push(...citations.cite([match[1] ?? '']));
      last = match.index + match[0].length;
    }
    if (last < i.length) out.push(i.slice(last));
    return out;
  });
}

/** The blocks with every `[Sid]` in their text replaced by a numbered citation (verbatim quotes untouched). */
export function withInTextCitations(blocks: readonly Block[], citations: Citations): Block[] {
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'paragraph':
        return { ...b, inlines: inTextInlines(b.inlines, citations) };
      case 'list':
        return { ...b, items: b.items.map((item) => inTextInlines(item, citations)) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map((cell) => inTextInlines(cell, citations))) };
      case 'quote':
        return { ...b, attribution: inTextInlines(b.attribution, citations) };
      default:
        return b;
    }
  });
}
