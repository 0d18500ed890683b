import { describe, expect, it } from 'vitest';
import type { RatingEvidence } from './derive.js';
import { OverrideSchema, type Override } from './plan-params.js';
import { overriddenEvidence, overriddenGate, overriddenLevel, politicalWindow, slipDays } from './scenarios.js';

const overrides = (raw: unknown[]): Override[] => raw.map((o) => OverrideSchema.parse(o));
const evidence: Record<string, RatingEvidence> = {
  A: { party: 'A', rating: 2, confidence: 0.8, assessedOn: '2025-01-01', history: [{ asOf: '2023-01-01', rating: 1 }] },
  B: { party: 'B', rating: 1, confidence: 0.4, assessedOn: '2025-06-01', history: [] },
};
const of = (party: string) => evidence[party]!;

describe('scenario overrides', () => {
  it('lets a side adopt the other side’s assessments, for every criterion or the listed ones', () => {
    expect(overriddenEvidence(overrides([{ kind: 'adopt-ratings', party: 'B', from: 'A' }]), of, 'B', 'c1', '2026-01-01')).toBe(evidence['A']);
    expect(overriddenEvidence(overrides([{ kind: 'adopt-ratings', party: 'B', from: 'A', criteria: ['c2'] }]), of, 'B', 'c1', '2026-01-01')).toBe(evidence['B']);
    expect(overriddenEvidence(overrides([{ kind: 'adopt-ratings', party: 'B', from: 'A' }]), of, 'A', 'c1', '2026-01-01')).toBe(evidence['A']);
  });

  it('sets a fresh rating as of the forecast date, keeping the confidence unless given', () => {
    const set = overriddenEvidence(overrides([{ kind: 'set-rating', criterion: 'c1', rating: 3 }]), of, 'B', 'c1', '2026-01-01');
    expect(set).toEqual({ party: 'B', rating: 3, confidence: 0.4, assessedOn: '2026-01-01', history: [] });
    expect(overriddenEvidence(overrides([{ kind: 'set-rating', criterion: 'c1', party: 'A', rating: 0, confidence: 0.9 }]), of, 'B', 'c1', '2026-01-01')).toBe(evidence['B']);
  });

  it('adds slips, changes gates and the level, and sets the political window; later overrides win', () => {
    const list = overrides([
      { kind: 'delay', target: 'S', days: 100 },
      { kind: 'delay', target: 'S', days: 30 },
      { kind: 'gate', stage: 'S', failureProbability: 0.5 },
      { kind: 'escalation-level', level: 'ministerial' },
      { kind: 'escalation-level', level: 'political' },
      { kind: 'political-decision', period: '2027-Q3' },
    ]);
    expect(slipDays(list, 'S')).toBe(130);
    expect(slipDays(list, 'T')).toBe(0);
    expect(overriddenGate(list, 'S', { verification: { kind: 'met' }, failureProbability: 0.1 })).toEqual({ verification: { kind: 'met' }, failureProbability: 0.5 });
    expect(overriddenLevel(list, 'military')).toBe('political');
    expect(overriddenLevel([], 'military')).toBe('military');
    expect(politicalWindow(list)).toEqual({ from: '2027-07-01', to: '2027-09-30' });
    expect(politicalWindow([])).toBeUndefined();
  });
});
