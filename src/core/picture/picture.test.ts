import { describe, expect, it } from 'vitest';
import type { Escalation, GateRecord } from '../ledger/schema.js';
import { assessment, ledgerOf, samplePlan, source, statement } from '../testing/fixtures.js';
import { computePicture } from './picture.js';
import type { Scope } from './scope.js';

const plan = samplePlan();
const scope = (asOf: string, knownAt = `${asOf}T23:59:59.999Z`, audience: Scope['audience'] = 'all'): Scope => ({ kind: 'scope', asOf, knownAt, audience });
const rating = (p: ReturnType<typeof computePicture>, party: string, criterion: string) =>
  p.criteria.find((c) => c.criterionId === criterion)?.byParty[party]?.rating ?? null;

describe('the as-of picture', () => {
  it('takes the latest assessment per party as of the date', () => {
    const ledger = ledgerOf({
      assessments: [assessment('a1', 'A', 'C1.a', '2020-01-01', 1), assessment('a2', 'A', 'C1.a', '2022-01-01', 3), assessment('b1', 'B', 'C1.a', '2021-01-01', 2)],
    });
    expect(rating(computePicture(plan, ledger, scope('2021-06-01')), 'A', 'C1.a')).toBe(1);
    expect(rating(computePicture(plan, ledger, scope('2022-06-01')), 'A', 'C1.a')).toBe(3);
    expect(rating(computePicture(plan, ledger, scope('2019-06-01')), 'A', 'C1.a')).toBeNull();
  });

  it('applies a correction only where it was known: both times are kept apart', () => {
    const original = assessment('a1', 'A', 'C1.a', '2020-01-01', 3, { recordedAt: '2020-01-02T00:00:00Z' });
    const correction = assessment('a1-fix', 'A', 'C1.a', '2020-01-01', 1, { recordedAt: '2023-05-01T00:00:00Z', supersedes: 'a1' });
    const ledger = ledgerOf({ assessments: [original, correction] });
    // As it was known in 2021 ...
    expect(rating(computePicture(plan, ledger, scope('2021-01-01')), 'A', 'C1.a')).toBe(3);
    // ... and as we know it now, for the same date.
    expect(rating(computePicture(plan, ledger, scope('2021-01-01', '2024-01-01T00:00:00Z')), 'A', 'C1.a')).toBe(1);
  });

  it('rolls up each party with its own weights and rule, and keeps the consensus apart', () => {
    const ledger = ledgerOf({
      assessments: [
        assessment('a1', 'A', 'C1.a', '2021-01-01', 3),
        assessment('a2', 'A', 'C1.b', '2021-01-01', 0),
        assessment('b1', 'B', 'C1.a', '2021-01-01', 3),
        assessment('b2', 'B', 'C1.b', '2021-01-01', 3),
      ],
    });
    const p = computePicture(plan, ledger, scope('2021-06-01'));
    const c1 = p.conditions.find((c) => c.conditionId === 'C1')!;
    expect(c1.byParty['A']!.readinessPct).toBeCloseTo((2 * 100) / 3); // A weighs C1.a twice
    expect(c1.byParty['B']!.readinessPct).toBeCloseTo(100);
    expect(c1.byParty['B']!.isMet).toBe(true);
    expect(c1.consensus.metCount).toBe(1);
    expect(c1.consensus.isMet).toBe(false);
    expect(c1.divergence).toBeCloseTo(0.4); // gaps 0 (shared weight 1.5) and 1 (weight 1)
    expect(p.divergence.blocking.map((b) => [b.criterionId, b.reason])).toEqual([['C1.b', 'split-on-met']]);
  });

  it('orders blocking criteria: split on met first, then the widest gap, then one-sided', () => {
    const ledger = ledgerOf({
      assessments: [
        assessment('a1', 'A', 'C2.a', '2021-01-01', 0),
        assessment('b1', 'B', 'C2.a', '2021-01-01', 2),
        assessment('a2', 'A', 'C1.a', '2021-01-01', 3),
        assessment('b2', 'B', 'C1.a', '2021-01-01', 2),
        assessment('a3', 'A', 'C2.b', '2021-01-01', 1),
      ],
    });
    const p = computePicture(plan, ledger, scope('2021-06-01'));
    expect(p.divergence.blocking.map((b) => b.criterionId)).toEqual(['C1.a', 'C2.a', 'C2.b']);
  });

  it('reports the divergence trend against a year earlier', () => {
    const ledger = ledgerOf({
      assessments: [
        assessment('a1', 'A', 'C1.a', '2020-01-01', 3),
        assessment('b1', 'B', 'C1.a', '2020-01-01', 3),
        assessment('b2', 'B', 'C1.a', '2021-03-01', 1),
      ],
    });
    const p = computePicture(plan, ledger, scope('2021-06-01'));
    expect(p.divergence.trend.comparedTo).toBe('2020-06-01');
    expect(p.divergence.trend.plan).toBe(0);
    expect(p.divergence.trend.delta).toBeCloseTo(2 / 3);
  });

  it('shows stage status from gate records, slips announced by the date, and the criteria gate', () => {
    const gate = (id: string, substep: GateRecord['substep'], status: GateRecord['status'], date: string): GateRecord => ({
      kind: 'gate-record', id, stageId: 'S-1', substep, status, date, verdicts: {}, description: id, sourceIds: ['S1'], releasability: 'PUBLIC', recordedAt: `${date}T12:00:00Z`,
    });
    const ledger = ledgerOf({
      gateRecords: [gate('g1', 'assessment', 'completed', '2020-08-20'), gate('g2', 'verification', 'completed', '2023-10-01')],
      assessments: [assessment('a1', 'A', 'C1.a', '2020-01-01', 3), assessment('b1', 'B', 'C1.a', '2020-01-01', 2)],
    });
    const early = computePicture(plan, ledger, scope('2021-01-01')).stages[0]!;
    expect(early.phase).toBe('assessment');
    expect(early.isComplete).toBe(false);
    expect(early.substeps[1]!.plannedDate).toBe('2021');
    expect(early.substeps[1]!.slips).toHaveLength(0);
    expect(early.criteriaCheck.blocking).toEqual([{ criterionId: 'C1.a', partyId: 'B', rating: 2 }]);
    const later = computePicture(plan, ledger, scope('2024-01-01')).stages[0]!;
    expect(later.isComplete).toBe(true);
    expect(later.substeps[1]!.plannedDate).toBe('2023');
    expect(later.substeps[1]!.slipDays).toBe(730);
  });

  it('orders gate records by the day each became a fact: "completed in 2020" follows a plan announced in October 2020', () => {
    const gate = (id: string, status: GateRecord['status'], date: string): GateRecord => ({
      kind: 'gate-record', id, stageId: 'S-1', substep: 'verification', status, date, verdicts: {}, description: id, sourceIds: ['S1'], releasability: 'PUBLIC', recordedAt: '2021-01-01T12:00:00Z',
    });
    const ledger = ledgerOf({ gateRecords: [gate('done', 'completed', '2020'), gate('plan', 'planned', '2020-10-14')] });
    const stage = computePicture(plan, ledger, scope('2021-06-01')).stages[0]!;
    expect(stage.substeps[1]!.state).toBe('completed');
    expect(stage.phase).toBe('verification');
    // Recorded on 2020-10-20, "completed in 2020" means completed by then; not before.
    const early = { ...ledger, gateRecords: [gate('done', 'completed', '2020')].map((g) => ({ ...g, recordedAt: '2020-10-20T12:00:00Z' })) };
    expect(computePicture(plan, early, scope('2020-10-21')).stages[0]!.substeps[1]!.state).toBe('completed');
    expect(computePicture(plan, early, scope('2020-10-19')).stages[0]!.substeps[1]!.state).toBe('not-started');
  });

  it('shows a planned date only once it was announced', () => {
    const base = samplePlan();
    const stage = base.stages[0]!;
    const withAnnouncement = samplePlan({
      stages: [{ ...stage, substeps: [{ ...stage.substeps[0], plannedOn: '2020-03-01' }, ...stage.substeps.slice(1)] }],
    });
    expect(computePicture(withAnnouncement, ledgerOf({}), scope('2020-02-01')).stages[0]!.substeps[0]!.plannedDate).toBeNull();
    expect(computePicture(withAnnouncement, ledgerOf({}), scope('2020-03-01')).stages[0]!.substeps[0]!.plannedDate).toBe('2020-08');
  });

  it('takes the escalation level from the latest open escalation', () => {
    const esc = (id: string, date: string, toLevel: Escalation['toLevel'], outcome: Escalation['outcome']): Escalation => ({
      kind: 'escalation', id, item: 'timing', date, fromLevel: 'military', toLevel, outcome, description: id, statementIds: [], sourceIds: ['S1'], releasability: 'PUBLIC', recordedAt: `${date}T12:00:00Z`,
    });
    const ledger = ledgerOf({ escalations: [esc('e1', '2026-05-11', 'ministerial', 'pending'), esc('e2', '2026-05-14', 'political', 'pending')] });
    expect(computePicture(plan, ledger, scope('2026-05-12')).escalation.level).toBe('ministerial');
    expect(computePicture(plan, ledger, scope('2026-06-01')).escalation.level).toBe('political');
    expect(computePicture(plan, ledger, scope('2026-01-01')).escalation).toMatchObject({ level: 'military', isOpen: false });
  });

  it('hides statements whose source a reader may not see, and strips citations to them', () => {
    const ledger = ledgerOf({
      sources: [source('S1'), source('S2', '2019-01-01', { releasability: 'US-ONLY' })],
      statements: [statement('st1', 'S1', '2020-01-01'), statement('st2', 'S2', '2020-01-01')],
      assessments: [assessment('a1', 'A', 'C1.a', '2020-02-01', 2, { statementIds: ['st1', 'st2'], sourceIds: ['S2'] })],
    });
    const forRok = computePicture(plan, ledger, scope('2021-01-01', undefined, 'ROK'));
    expect(forRok.recentStatements.map((s) => s.statement.id)).toEqual(['st1']);
    expect(forRok.criteria.find((c) => c.criterionId === 'C1.a')!.byParty['A']!.evidenceCount).toBe(1);
    expect(forRok.counts.sources).toBe(1);
    const forAll = computePicture(plan, ledger, scope('2021-01-01'));
    expect(forAll.criteria.find((c) => c.criterionId === 'C1.a')!.byParty['A']!.evidenceCount).toBe(3);
    expect(forAll.marking).toBe('US-ONLY');
  });

  it('counts days to key dates and to the end of each target period', () => {
    const p = computePicture(samplePlan({ targets: [{ id: 't', party: 'A', subject: 'transfer', date: '2029-Q1', qualifier: 'no-later-than', standing: 'reported', title: 'T', sourceIds: ['S1'] }] }), ledgerOf({}), scope('2026-11-23'));
    expect(p.keyDates[0]).toMatchObject({ date: '2028-12-31', daysLeft: 769 });
    expect(p.targets[0]!.daysLeft).toBe(859);
  });
});
