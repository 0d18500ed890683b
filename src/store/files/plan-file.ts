/** Load and fully validate a plan file: YAML syntax, schema, then cross-references. */
import { fail, ok, type Problem, type Result } from '../../core/common/result.js';
import { checkPlan } from '../../core/plan/check.js';
import { PlanSchema, type Plan } from '../../core/plan/schema.js';
import { formatPath } from '../../core/common/result.js';
import { locate, parseYaml, zodProblems } from './yaml-document.js';
import { readText } from './read-text.js';

/** Validate plan text; every problem is reported with its file, line and path. */
export function parsePlanText(text: string, file: string): Result<Plan> {
  const { parsed, problems: syntax } = parseYaml(text, file);
  if (syntax.length > 0) return fail('invalid-plan', `${file}: ${syntax.length} YAML problem(s)`, syntax);
  const result = PlanSchema.safeParse(parsed.document.toJS());
  if (!result.success) {
    const problems = zodProblems(parsed, result.error.issues);
    return fail('invalid-plan', `${file}: ${problems.length} problem(s) in the plan`, problems);
  }
  const plan = result.data as Plan;
  const problems: Problem[] = checkPlan(plan).map((p) => ({
    message: p.message,
    path: formatPath(p.path),
    file,
    ...locate(parsed, p.path),
  }));
  if (problems.length > 0) return fail('invalid-plan', `${file}: ${problems.length} problem(s) in the plan`, problems);
  return ok(plan);
}

/** Read and validate a plan file. */
export async function readPlanFile(path: string): Promise<Result<Plan>> {
  const text = await readText(path);
  return text.ok ? parsePlanText(text.value, path) : text;
}
