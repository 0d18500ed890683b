/** `dev synth`: a large synthetic ledger for scale tests and benchmarks. */
import { z } from 'zod';
import { ok, type Result } from '../../core/common/result.js';
import { mulberry32, syntheticAssessments, syntheticEvidence, syntheticPlan, SYNTHETIC_MANIFEST } from '../../core/synth/synthetic.js';
import { auditStamp, defineOperation } from '../operation.js';

const BATCH = 25_000;

export const synthOperation = defineOperation({
  name: 'dev.synth',
  access: 'local',
  isWrite: true,
  summary: 'Generate a synthetic plan and ledger of a given size into a database',
  input: z.strictObject({
    criteria: z.number().int().min(1).max(10_000).default(200),
    assessments: z.number().int().min(0).max(20_000_000).default(1_000_000),
    seed: z.number().int().min(0).default(1),
  }),
  async run(deps, input): Promise<Result<{ readonly criteria: number; readonly assessments: number; readonly seed: number; readonly location: string }>> {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const plan = syntheticPlan(input.criteria);
    const header = await db.value.write({ plan, manifest: SYNTHETIC_MANIFEST, records: syntheticEvidence(), recordedAt: deps.clock.now(), audit: auditStamp(deps, 'dev.synth') });
    if (!header.ok) return header;
    const random = mulberry32(input.seed);
    let lastReported = 0;
    for (let from = 0; from < input.assessments; from += BATCH) {
      const to = Math.min(input.assessments, from + BATCH);
      const written = await db.value.write({ records: { assessments: syntheticAssessments(plan, from, to, random) }, recordedAt: deps.clock.now(), audit: auditStamp(deps, 'dev.synth') });
      if (!written.ok) return written;
      if (to - lastReported >= input.assessments / 10 || to === input.assessments) {
        deps.notify(`  ${to.toLocaleString('en-US')} / ${input.assessments.toLocaleString('en-US')} assessments written`);
        lastReported = to;
      }
    }
    await db.value.optimize();
    return ok({ criteria: input.criteria, assessments: input.assessments, seed: input.seed, location: db.value.location });
  },
});
