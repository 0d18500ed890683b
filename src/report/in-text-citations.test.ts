import { describe, expect, it } from 'vitest';
import type { Citations } from './citations.js';
import type { Block } from './document.js';
import { withInTextCitations } from './in-text-citations.js';

/** A register that knows S1 and S2.2 (numbered in order of first citation) and nothing else. */
function register(): Citations {
  const visible = ['S1', 'S2.2'];
  const numbers: string[] = [];
  return {
    cite: (ids) => ids.filter((id) => visible.includes(id)).map((id) => {
      if (!numbers.includes(id)) numbers.push(id);
      return { kind: 'cite', n: numbers.indexOf(id) + 1 };
    }),
    statement: () => undefined,
    cited: () => [],
  };
}

describe('withInTextCitations', () => {
  it('turns visible source ids in prose into numbered citations and drops the ids a reader may not see', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', inlines: ['planned by November [S2.2], repeated [S1][S9]; done.'] },
      { kind: 'list', items: [['per [S1]']] },
      { kind: 'table', head: ['a'], rows: [[['[S9] only']]] },
    ];
    const out = withInTextCitations(blocks, register());
    expect(out[0]).toEqual({ kind: 'paragraph', inlines: ['planned by November ', { kind: 'cite', n: 1 }, ', repeated ', { kind: 'cite', n: 2 }, '; done.'] });
    expect(out[1]).toEqual({ kind: 'list', items: [['per ', { kind: 'cite', n: 2 }]] });
    expect(out[2]).toEqual({ kind: 'table', head: ['a'], rows: [[[' only']]] });
  });
  it('leaves verbatim quotations, headings and other brackets alone', () => {
    const blocks: Block[] = [
      { kind: 'quote', inlines: ['he said [sic] [S1]'], attribution: ['— a minister [S1]'] },
      { kind: 'heading', level: 2, text: 'About [S1]', id: 'h' },
      { kind: 'paragraph', inlines: ['a range [2026–2028] and [Sx]'] },
    ];
    const out = withInTextCitations(blocks, register());
    expect(out[0]).toEqual({ kind: 'quote', inlines: ['he said [sic] [S1]'], attribution: ['— a minister ', { kind: 'cite', n: 1 }] });
    expect(out[1]).toEqual(blocks[1]);
    expect(out[2]).toEqual(blocks[2]);
  });
});
