// Forecast models for tests: a model file's fields, validated and compiled as the CLI does it.
import { compileModel, type CompiledModel } from '../../src/core/forecast/compile.js';
import { ForecastModelSchema } from '../../src/core/forecast/model-schema.js';

/** The compiled model of these fields (kind and title filled in), as of `asOf`; throws on a bad model. */
export function compiledModel(fields: Record<string, unknown>, asOf = '2026-06-25'): CompiledModel {
  const compiled = compileModel(ForecastModelSchema.parse({ kind: 'forecast-model', title: 'test', ...fields }), asOf);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value;
}
