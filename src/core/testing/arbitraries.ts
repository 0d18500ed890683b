/** fast-check generators of ledgers over the sample plan, for property tests. */
import fc from 'fast-check';
import { isoFromDayNumber, dayNumber } from '../common/dates.js';
import { RELEASABILITY } from '../common/releasability.js';
import type { Assessment, Decision, Escalation, GateRecord, Ledger, Statement } from '../ledger/schema.js';
import { assessment, ledgerOf, source, statement } from './fixtures.js';

const FIRST_DAY = dayNumber(2018, 1, 1);
const LAST_DAY = dayNumber(2026, 12, 31);

/** An ISO date between 2018 and 2026. */
export const isoDateArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(isoFromDayNumber);

const partyArb = fc.constantFrom('A', 'B', 'J');
const criterionArb = fc.constantFrom('C1.a', 'C1.b', 'C2.a', 'C2.b');
const ratingArb = fc.constantFrom<Assessment['rating']>(0, 1, 2, 3, 'unassessed');
const markingArb = fc.constantFrom(...RELEASABILITY);
const lagArb = fc.integer({ min: 0, max: 400 });

/** An assessment with a recording lag of up to ~13 months after the date it speaks for. */
export const assessmentArb = (id: string) =>
  fc.record({ party: partyArb, criterion: criterionArb, day: fc.integer({ min: FIRST_DAY, max: LAST_DAY }), rating: ratingArb, lag: lagArb, marking: markingArb, confidence: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ party, criterion, day, rating, lag, marking, confidence }) =>
      assessment(id, party, criterion, isoFromDayNumber(day), rating, {
        recordedAt: `${isoFromDayNumber(day + lag)}T12:00:00Z`,
        releasability: marking,
        confidence,
        sourceIds: ['S1'],
      }),
    );

/** A ledger of up to 40 assessments plus a few statements, gate records, decisions and escalations. */
export const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    assessments: fc.array(fc.nat(), { maxLength: 40 }),
    statementDays: fc.array(fc.tuple(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), markingArb), { maxLength: 6 }),
    gateDays: fc.array(fc.tuple(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.constantFrom<GateRecord['status']>('planned', 'in-progress', 'completed', 'stalled'), fc.constantFrom<GateRecord['substep']>('assessment', 'verification', 'approval')), { maxLength: 4 }),
    escalationDays: fc.array(fc.tuple(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.constantFrom<Escalation['outcome']>('pending', 'resolved')), { maxLength: 3 }),
  })
  .chain(({ assessments, statementDays, gateDays, escalationDays }) =>
    fc.tuple(...assessments.map((_, i) => assessmentArb(`as-${i}`))).map((list) => {
      const statements: Statement[] = statementDays.map(([day, marking], i) =>
        statement(`st-${i}`, 'S1', isoFromDayNumber(day), { releasability: marking }),
      );
      const gateRecords: GateRecord[] = gateDays.map(([day, status, substep], i) => ({
        kind: 'gate-record', id: `gr-${i}`, stageId: 'S-1', substep, status, date: isoFromDayNumber(day), verdicts: {},
        description: 'test', sourceIds: ['S1'], releasability: 'PUBLIC', recordedAt: `${isoFromDayNumber(day)}T12:00:00Z`,
      }));
      const escalations: Escalation[] = escalationDays.map(([day, outcome], i) => ({
        kind: 'escalation', id: `es-${i}`, item: 'timing', date: isoFromDayNumber(day), fromLevel: 'military', toLevel: 'ministerial',
        outcome, description: 'test', statementIds: [], sourceIds: ['S1'], releasability: 'PUBLIC', recordedAt: `${isoFromDayNumber(day)}T12:00:00Z`,
      }));
      const decisions: Decision[] = [];
      return ledgerOf({ sources: [source('S1', '2017-01-01')], assessments: list, statements, gateRecords, escalations, decisions });
    }),
  );
