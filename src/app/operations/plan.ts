/** Plan files: validate one, or describe the format as JSON Schema for editors. */
import { z } from 'zod';
import { ok, type Result } from '../../core/common/result.js';
import { PlanSchema, type Plan } from '../../core/plan/schema.js';
import { defineOperation } from '../operation.js';

export const validatePlanOperation = defineOperation({
  name: 'plan.validate',
  access: 'local',
  summary: 'Validate a plan file and report every problem with file, line and path',
  input: z.strictObject({ file: z.string().min(1) }),
  async run(deps, input): Promise<Result<Plan>> {
    return deps.planReader.read(input.file);
  },
});

export const planSchemaOperation = defineOperation({
  name: 'plan.schema',
  access: 'read',
  summary: 'The JSON Schema of plan files, for editor completion',
  input: z.strictObject({}),
  async run(): Promise<Result<Record<string, unknown>>> {
    const schema = z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' });
    return ok({
      ...schema,
      title: 'OPCON Transition Monitor plan file',
    });
  },
});

export const currentPlanOperation = defineOperation({
  name: 'plan',
  access: 'read',
  summary: 'The current plan: parties, conditions, criteria, stages, forums, targets, key dates and forecast assumptions',
  input: z.strictObject({}),
  async run(deps): Promise<Result<Plan>> {
    const loaded = await deps.store.load();
    return loaded.ok ? ok(loaded.value.plan) : loaded;
  },
});
