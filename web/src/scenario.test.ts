import { describe, expect, it } from 'vitest';
import { draftOverrides, draftScenario, EMPTY_DRAFT } from './scenario';

describe('scenario builder', () => {
  it('sets nothing from an empty form', () => {
    expect(draftOverrides(EMPTY_DRAFT)).toEqual([]);
    expect(draftScenario(EMPTY_DRAFT, [])).toBeNull();
  });
  it('turns each filled field into the override the forecast accepts', () => {
    const overrides = draftOverrides({ ...EMPTY_DRAFT, politicalPeriod: '2027', failurePct: { FOC: '5', FMC: '' }, delayTarget: 'FMC', delayDays: '180', ratingCriterion: 'C2.munitions', ratingParty: 'US', rating: '3' });
    expect(overrides).toEqual([
      { kind: 'political-decision', period: '2027' },
      { kind: 'gate', stage: 'FOC', failureProbability: 0.05 },
      { kind: 'delay', target: 'FMC', days: 180 },
      { kind: 'set-rating', criterion: 'C2.munitions', party: 'US', rating: 3 },
    ]);
  });
  it('ignores out-of-range numbers and a slip without days', () => {
    expect(draftOverrides({ ...EMPTY_DRAFT, failurePct: { FOC: '140' }, delayTarget: 'FOC' })).toEqual([]);
  });
  it('names a scenario after its settings and gives it an unused id', () => {
    const s = draftScenario({ ...EMPTY_DRAFT, delayTarget: 'FOC', delayDays: '365' }, ['custom-1']);
    expect(s?.id).toBe('custom-2');
    expect(s?.title).toBe('FOC slips 365 days');
    expect(draftScenario({ ...EMPTY_DRAFT, title: '  Quick FOC ', delayTarget: 'FOC', delayDays: '0' }, [])?.title).toBe('Quick FOC');
  });
});
