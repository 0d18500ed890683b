import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../test/helpers/ingest.js';

const pieces = [
  '“', '”', '"', "'", '‘', '’', ' ', ', ', '. ', '\n\n', 'said', 'told reporters', 'according to', 'he', 'the official',
  'Defense Minister Alpha', 'a South Korean official', 'the Pentagon', 'Seoul', 'Washington', 'the transfer', 'of wartime operational control',
  'by 2028', 'no later than the first quarter of 2029', 'in October', 'last week', 'on Tuesday', 'the SCM', 'a summit', 'delay',
  'an early transfer', 'conditions must be fully met', 'capability to lead the combined defense', 'we are ready to lead',
];

describe('extraction on arbitrary text', () => {
  it('never throws, keeps spans inside the text and quotes every string verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom('2026-03-10', null), async (parts, published) => {
        const text = parts.join('');
        const x = await extractText(text, published);
        const inside = (s: { start: number; end: number }) => s.start >= 0 && s.end <= text.length && s.start <= s.end;
        expect(x.quotes.every((q) => text.includes(q.text) && inside(q.span))).toBe(true);
        expect(x.stances.every((s) => text.includes(s.evidence) && inside(s.span))).toBe(true);
        expect(x.events.every((e) => text.includes(e.evidence) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date))).toBe(true);
        expect(x.timeline_targets.every((t) => text.slice(t.span.start, t.span.end) === t.expression && /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/.test(t.normalized))).toBe(true);
        expect(new Set(x.timeline_targets.map((t) => t.normalized)).size).toBe(x.timeline_targets.length);
      }),
      { numRuns: 150 },
    );
  });
});
