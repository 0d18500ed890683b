import { describe, expect, it } from 'vitest';
import { samplePlan } from '../testing/fixtures.js';
import { checkPlan } from './check.js';
import { PlanSchema } from './schema.js';

const messages = (overrides: Record<string, unknown>) => checkPlan(samplePlan(overrides)).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('plan cross-reference checks', () => {
  it('accepts the sample plan', () => {
    expect(checkPlan(samplePlan())).toEqual([]);
  });
  it('reports every unknown reference with its path, not only the first', () => {
    const plan = samplePlan();
    const found = messages({
      criteria: [
        { ...plan.criteria[0], conditionId: 'C9' },
        { ...plan.criteria[1], dependsOn: ['c1.B', 'C1.zz'] },
        plan.criteria[2],
        { ...plan.criteria[3], weights: { Q: 1 } },
      ],
    });
    expect(found).toContain('criteria.0.conditionId: unknown condition "C9" (did you mean "C1"?)');
    expect(found).toContain('criteria.1.dependsOn.0: unknown criterion "c1.B" (did you mean "C1.b"?)');
    expect(found).toContain('criteria.1.dependsOn.1: unknown criterion "C1.zz"');
    expect(found).toContain('criteria.3.weights.Q: unknown party "Q"');
  });
  it('finds dependency cycles', () => {
    const plan = samplePlan();
    const found = messages({ criteria: [{ ...plan.criteria[0], dependsOn: ['C1.b'] }, ...plan.criteria.slice(1)] });
    expect(found.some((m) => m.includes('dependency cycle: C1.a → C1.b → C1.a'))).toBe(true);
  });
  it('finds duplicate ids and sub-steps out of order', () => {
    const plan = samplePlan();
    const stage = plan.stages[0]!;
    const found = messages({
      conditions: [...plan.conditions, plan.conditions[0]],
      stages: [{ ...stage, substeps: [stage.substeps[1], stage.substeps[0]] }],
    });
    expect(found.some((m) => m.startsWith('conditions.2.id: duplicate id "C1"'))).toBe(true);
    expect(found).toContain('stages.0.substeps: sub-steps must be in the order assessment, verification, approval');
  });
  it('rejects unknown fields and bad values in the schema', () => {
    const r = PlanSchema.safeParse({ ...samplePlan(), colour: 'blue', version: 0 });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.') || i.message);
    expect(paths).toContain('version');
  });
});
