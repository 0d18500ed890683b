import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction } from './extract.js';
import type { Gold } from './labelled.js';
import { belowFloors, DEFAULT_FLOORS, normaliseQuote, prf, scoreDocument, summarise } from './scoring.js';

const gold: Gold = {
  quotes: [
    { speaker: 'Song Young-moo', role: 'Defense Minister', side: 'ROK', text: 'The transfer is crucial' },
    { speaker: null, role: 'a source', side: 'ROK', text: 'We will decide soon' },
  ],
  timeline_targets: [{ expression: 'by 2028', normalized: '2028', kind: 'target', holder: 'ROK' }],
  conditions_mentioned: ['capability_to_lead'],
  stances: [{ side: 'ROK', stance: 'accelerate', evidence: 'x' }],
  forums: ['SCM', 'other: 2+2'],
  events: [{ date: '2026-02-04', what: 'x', evidence: 'x' }],
};

const span = { start: 0, end: 1 };
function extraction(over: Partial<Extraction> = {}): Extraction {
  return {
    kind: 'extraction',
    quotes: [
      { speaker: 'Song Young-moo', role: null, side: 'ROK', text: '“The transfer  is crucial.', span, speakerSpan: null, attribution: 'cue-after', confidence: 1 },
      { speaker: 'Someone', role: null, side: 'US', text: 'We will decide soon', span, speakerSpan: null, attribution: 'cue-after', confidence: 1 },
      { speaker: null, role: null, side: 'ROK', text: 'an extra quotation here', span, speakerSpan: null, attribution: 'cue-after', confidence: 1 },
    ],
    timeline_targets: [{ expression: '2028', normalized: '2028', kind: 'event', holder: 'joint', qualifier: null, anchor: null, span, confidence: 1 }],
    conditions_mentioned: ['capability_to_lead', 'regional_security_environment'],
    stances: [{ side: 'ROK', stance: 'accelerate', evidence: 'y', span, confidence: 1 }, { side: 'US', stance: 'neutral', evidence: 'y', span, confidence: 1 }],
    forums: ['SCM', 'other: foreign and defense ministers'],
    events: [],
    warnings: [],
    evidence: { conditions: [], forums: [] },
    ...over,
  };
}

describe('scoring', () => {
  it('matches quotes on their text after normalising white space, quote marks and a final full stop', () => {
    expect(normaliseQuote('“The transfer  is crucial.')).toBe('"The transfer is crucial');
    expect(normaliseQuote('it’s done,')).toBe("it's done");
  });
  it('counts per label as the issue defines them', () => {
    const s = scoreDocument('doc', gold, extraction());
    expect(s.quotes).toEqual({ tp: 1, fp: 2, fn: 1 });
    expect(s.speaker).toEqual({ correct: 0, total: 1 });
    expect(s.timeline).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.conditions).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.stances).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.stanceSides).toEqual({ correct: 1, total: 1 });
    expect(s.forums).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(s.events).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
  it('credits a speaker only when the matched quote names the same one', () => {
    const exact = scoreDocument('doc', gold, extraction({ quotes: [{ ...extraction().quotes[0]!, text: 'The transfer is crucial' }, { ...extraction().quotes[1]!, speaker: 'Someone', side: 'ROK' }] }));
    expect(exact.speaker).toEqual({ correct: 1, total: 2 });
    expect(exact.side).toEqual({ correct: 2, total: 2 });
  });
  it('scores a perfect extraction 1 everywhere and passes the default floors', () => {
    const perfect = extraction({
      quotes: gold.quotes.map((q) => ({ ...q, span, speakerSpan: null, attribution: 'cue-after' as const, confidence: 1 })),
      timeline_targets: [{ expression: 'by 2028', normalized: '2028', kind: 'target', holder: 'ROK', qualifier: 'by', anchor: null, span, confidence: 1 }],
      conditions_mentioned: ['capability_to_lead'],
      stances: [{ side: 'ROK', stance: 'accelerate', evidence: 'x', span, confidence: 1 }],
      forums: ['SCM', 'other: 2+2'],
      events: [{ date: '2026-02-04', what: 'x', evidence: 'x', span, confidence: 1 }],
    });
    const summary = summarise([scoreDocument('doc', gold, perfect)]);
    expect(Object.values(summary.metrics)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(belowFloors(summary.metrics, DEFAULT_FLOORS)).toEqual([]);
  });
  it('names the metrics below their floors', () => {
    const summary = summarise([scoreDocument('doc', gold, extraction())]);
    expect(belowFloors(summary.metrics, DEFAULT_FLOORS).map((f) => f.metric)).toEqual(['quoteF1', 'speakerAccuracy', 'sideAccuracy', 'conditionsF1']);
  });
  it('keeps precision, recall and F1 within [0, 1], F1 between the smaller and the larger of the two', () => {
    const counts = fc.record({ tp: fc.nat(50), fp: fc.nat(50), fn: fc.nat(50) });
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 10 }), (list) => {
        const r = prf(list);
        const inRange = [r.precision, r.recall, r.f1].every((x) => x >= 0 && x <= 1);
        return inRange && r.f1 <= Math.max(r.precision, r.recall) + 1e-12 && (r.tp === 0 ? true : r.f1 >= Math.min(r.precision, r.recall) - 1e-12);
      }),
    );
  });
});
