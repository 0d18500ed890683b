import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, endOfDay } from '../common/dates.js';
import type { Audience } from '../common/releasability.js';
import { assessmentArb, isoDateArb, ledgerArb } from '../testing/arbitraries.js';
import { samplePlan } from '../testing/fixtures.js';
import { computePicture } from './picture.js';
import type { Scope } from './scope.js';

const plan = samplePlan();
const scopeArb = fc
  .record({ asOf: isoDateArb, lagDays: fc.integer({ min: 0, max: 500 }), audience: fc.constantFrom<Audience>('ROK', 'US', 'combined', 'public', 'all') })
  .map(({ asOf, lagDays, audience }): Scope => ({ kind: 'scope', asOf, knownAt: endOfDay(addDays(asOf, lagDays)), audience }));

describe('picture invariants', () => {
  it('adding a record dated after the as-of date never changes the picture', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, assessmentArb('late'), fc.integer({ min: 1, max: 2000 }), (ledger, scope, extra, daysLater) => {
        const later = { ...extra, asOf: addDays(scope.asOf, daysLater), recordedAt: `${addDays(scope.asOf, daysLater)}T12:00:00Z` };
        const before = computePicture(plan, ledger, scope);
        const after = computePicture(plan, { ...ledger, assessments: [...ledger.assessments, later] }, scope);
        expect(after).toEqual(before);
      }),
    );
  });

  it('adding a record recorded after the knowledge time never changes the picture', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, assessmentArb('unknown-yet'), (ledger, scope, extra) => {
        const recordedLater = { ...extra, recordedAt: `${addDays(scope.knownAt.slice(0, 10), 1)}T00:00:00Z` };
        const before = computePicture(plan, ledger, scope);
        const after = computePicture(plan, { ...ledger, assessments: [...ledger.assessments, recordedLater] }, scope);
        expect(after).toEqual(before);
      }),
    );
  });

  it('a record a reader may not see changes nothing that reader sees, not even a count', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, assessmentArb('hidden'), (ledger, scope, extra) => {
        const rokScope: Scope = { ...scope, audience: 'ROK' };
        const hidden = { ...extra, releasability: 'US-ONLY' as const };
        const before = computePicture(plan, ledger, rokScope);
        const after = computePicture(plan, { ...ledger, assessments: [...ledger.assessments, hidden] }, rokScope);
        expect(after).toEqual(before);
      }),
    );
  });

  it('no record marked for the other party appears anywhere in a party\'s picture', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, (ledger, scope) => {
        const rokScope: Scope = { ...scope, audience: 'ROK' };
        const text = JSON.stringify(computePicture(plan, ledger, rokScope));
        const hiddenIds = [...ledger.assessments, ...ledger.statements].filter((r) => r.releasability === 'US-ONLY').map((r) => `"${r.id}"`);
        for (const id of hiddenIds) expect(text).not.toContain(id);
        expect(computePicture(plan, ledger, rokScope).marking).not.toBe('US-ONLY');
      }),
    );
  });

  it('readiness stays within 0–100 and divergence within 0–1', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, (ledger, scope) => {
        const picture = computePicture(plan, ledger, scope);
        for (const condition of picture.conditions) {
          for (const r of Object.values(condition.byParty)) {
            if (r.readinessPct !== null) {
              expect(r.readinessPct).toBeGreaterThanOrEqual(0);
              expect(r.readinessPct).toBeLessThanOrEqual(100 + 1e-9);
            }
            expect(r.coveragePct).toBeGreaterThanOrEqual(0);
            expect(r.coveragePct).toBeLessThanOrEqual(100 + 1e-9);
          }
          if (condition.divergence !== null) {
            expect(condition.divergence).toBeGreaterThanOrEqual(0);
            expect(condition.divergence).toBeLessThanOrEqual(1);
          }
        }
        for (const c of picture.criteria) if (c.gap !== null) expect([0, 1 / 3, 2 / 3, 1]).toContain(c.gap);
      }),
    );
  });

  it('every blocking criterion has a reason consistent with the sides\' ratings', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, (ledger, scope) => {
        const picture = computePicture(plan, ledger, scope);
        for (const b of picture.divergence.blocking) {
          const ratings = Object.values(b.ratings);
          const known = ratings.filter((r) => r !== null);
          if (b.reason === 'one-sided') expect(known.length).toBeLessThan(ratings.length);
          else {
            expect(new Set(known).size).toBeGreaterThan(1);
            expect(known.includes(3)).toBe(b.reason === 'split-on-met');
          }
        }
      }),
    );
  });

  it('is deterministic: the same inputs give the same picture', () => {
    fc.assert(
      fc.property(ledgerArb, scopeArb, (ledger, scope) => {
        expect(computePicture(plan, ledger, scope)).toEqual(computePicture(plan, { ...ledger, assessments: [...ledger.assessments].reverse() }, scope));
      }),
    );
  });
});
