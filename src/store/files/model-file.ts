/** Load and fully validate a standalone forecast model file (JSON, or YAML): syntax, schema, cross-references. */
import { fail, formatPath, ok, type Problem, type Result } from '../../core/common/result.js';
import { checkModel } from '../../core/forecast/model-check.js';
import { ForecastModelSchema, type ForecastModel } from '../../core/forecast/model-schema.js';
import { readText } from './read-text.js';
import { locate, parseYaml, zodProblems } from './yaml-document.js';

/** Validate model text; every problem is reported with its file, line and path. */
export function parseModelText(text: string, file: string): Result<ForecastModel> {
  // JSON is YAML, so one parser gives positions for both.
  const { parsed, problems: syntax } = parseYaml(text, file);
  if (syntax.length > 0) return fail('invalid-input', `${file}: ${syntax.length} syntax problem(s)`, syntax);
  const result = ForecastModelSchema.safeParse(parsed.document.toJS());
  if (!result.success) {
    const problems = zodProblems(parsed, result.error.issues);
    return fail('invalid-input', `${file}: ${problems.length} problem(s) in the forecast model`, problems);
  }
  const model = result.data as ForecastModel;
  const problems: Problem[] = checkModel(model).map((p) => ({ message: p.message, path: formatPath(p.path), file, ...locate(parsed, p.path) }));
  if (problems.length > 0) return fail('invalid-input', `${file}: ${problems.length} problem(s) in the forecast model`, problems);
  return ok(model);
}

/** Read and validate a forecast model file. */
export async function readModelFile(path: string): Promise<Result<ForecastModel>> {
  const text = await readText(path);
  return text.ok ? parseModelText(text.value, path) : text;
}
