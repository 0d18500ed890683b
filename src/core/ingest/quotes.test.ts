import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairQuotes } from './quotes.js';

const inner = (text: string) =>
  pairQuotes(text)
    .spans.filter((s) => !s.isNested)
    .map((s) => text.slice(s.innerStart, s.innerEnd));

describe('quotation marks', () => {
  it('pairs straight and curly double quotes', () => {
    expect(inner('He said "we are ready" and “so are they”.')).toEqual(['we are ready', 'so are they']);
  });
  it('pairs single quotes used as primary marks, past apostrophes and plural possessives', () => {
    const text = "'The allies' joint view is clear, and we don't wait,' an official said. 'It's done.'";
    expect(inner(text)).toEqual(["The allies' joint view is clear, and we don't wait,", "It's done."]);
  });
  it('keeps single quotes nested in double quotes inside the outer quotation', () => {
    const text = '“In the past, ‘opcon’ transfer was the focus,” he said.';
    const { spans } = pairQuotes(text);
    expect(spans.filter((s) => !s.isNested)).toHaveLength(1);
    expect(spans.filter((s) => s.isNested).map((s) => text.slice(s.innerStart, s.innerEnd))).toEqual(['opcon']);
  });
  it('flags an unbalanced mark without failing, and keeps the rest', () => {
    const paired = pairQuotes('“Now we act by 2015.”” Sharp said. And “one more');
    expect(paired.spans).toHaveLength(1);
    expect(paired.issues.map((i) => i.message)).toEqual(['closing quotation mark ” with no opening mark', 'opening quotation mark never closed']);
  });
  it('runs a quotation on into the next paragraph when that one opens with a quotation mark', () => {
    const text = '“First part of a long statement.\n\n“Second part,” she said.';
    const spans = pairQuotes(text).spans;
    expect(spans[0]).toMatchObject({ isContinued: true });
    expect(text.slice(spans[0]!.innerStart, spans[0]!.innerEnd)).toBe('First part of a long statement.');
  });
  it('never pairs across a line break', () => {
    expect(inner('He said "no\nand then" yes')).toEqual([]);
  });
  it('always yields spans that start and end on quotation marks and never cross one another', () => {
    const piece = fc.constantFrom('“', '”', '"', "'", '‘', '’', 'word', ' ', 'it’s', ',', '.', '\n', 'the allies’ ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const { spans } = pairQuotes(text);
        for (const s of spans) {
          if (!/[“"'‘„]/.test(text[s.start] ?? '')) return false;
          if (!s.isContinued && !/[”"'’]/.test(text[s.end - 1] ?? '')) return false;
          for (const o of spans) if (o !== s && s.start < o.start && o.start < s.end && s.end < o.end) return false;
        }
        return true;
      }),
    );
  });
});
