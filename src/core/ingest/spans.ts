/** Character spans into the analysed text, and the verbatim evidence phrase around a span. */

export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
}

/**
 * A short verbatim phrase around a span, inside its sentence [from, to): back to the start of
 * its clause (at most 60 characters), forward to the next punctuation (at most 50), never
 * cutting a word.
 */
export function evidenceSpan(text: string, sentence: Span, span: Span): Span {
  const from = Math.max(sentence.start, span.start - 60);
  let start = from + text.slice(from, span.start).search(/[^,;:—(]*$/);
  if (start === from && from > sentence.start && /\S/.test(text[from - 1] ?? '')) {
    const space = text.indexOf(' ', from);
    start = space < 0 || space > span.start ? span.start : space + 1;
  }
  while (start < span.start && /[\s\-–]/.test(text[start] ?? '')) start++;
  const after = /^[^.,;:—)]{0,50}/.exec(text.slice(span.end, sentence.end))?.[0] ?? '';
  const whole = after.length === 50 ? after.slice(0, Math.max(0, after.lastIndexOf(' '))) : after;
  return { start, end: span.end + whole.trimEnd().length };
}
