import { describe, expect, it } from 'vitest';
import { ratingMove } from './changes.js';
import { recordChanges, isUnchanged } from './changes.js';
import type { Ledger } from '../ledger/schema.js';

const EMPTY: Ledger = { kind: 'ledger', sources: [], statements: [], events: [], assessments: [], gateRecords: [], decisions: [], escalations: [] };
const scope = (asOf: string) => ({ kind: 'scope' as const, asOf, knownAt: `${asOf}T23:59:59.999Z`, audience: 'all' as const });

const source = { kind: 'source', id: 'S1', releasability: 'PUBLIC', recordedAt: '2026-01-01T00:00:00Z', outlet: 'Outlet', title: null, url: null, published: '2026-01-01', sourceKind: 'news', reliability: 'B', language: 'en' } as const;
const assessment = (id: string, asOf: string, rating: 0 | 1 | 2 | 3) =>
  ({ kind: 'assessment', id, releasability: 'PUBLIC', recordedAt: `${asOf}T00:00:00Z`, party: 'ROK', criterionId: 'C1.a', asOf, rating, confidence: 0.5, rationale: 'r', basis: 'public-record-estimate', statementIds: [], sourceIds: ['S1'], recordedBy: 'test' }) as const;

describe('ratingMove', () => {
  it('names each kind of move', () => {
    expect(ratingMove(null, 2)).toBe('first');
    expect(ratingMove(1, 2)).toBe('raised');
    expect(ratingMove(2, 1)).toBe('lowered');
    expect(ratingMove(2, 2)).toBe('reaffirmed');
    expect(ratingMove(2, 'unassessed')).toBe('now-unassessed');
    expect(ratingMove('unassessed', 0)).toBe('now-rated');
  });
});

describe('recordChanges', () => {
  it('reports what entered the view between the two scopes and how judgements moved', () => {
    const ledger: Ledger = { ...EMPTY, sources: [source], assessments: [assessment('A1', '2026-01-10', 1), assessment('A2', '2026-03-10', 2), assessment('A3', '2026-06-10', 3)] };
    const changes = recordChanges(ledger, scope('2026-02-01'), scope('2026-04-01'));
    expect(changes.sources).toEqual([]);
    expect(changes.assessments.map((a) => [a.before?.id, a.after.id, a.move])).toEqual([['A1', 'A2', 'raised']]);
    expect(isUnchanged(recordChanges(ledger, scope('2026-04-01'), scope('2026-05-01')))).toBe(true);
    const fromStart = recordChanges(ledger, scope('2025-12-01'), scope('2026-02-01'));
    expect(fromStart.sources.map((s) => s.id)).toEqual(['S1']);
    expect(fromStart.assessments[0]?.move).toBe('first');
  });
});
