/** Validation of filter values that name plan or dataset ids, so an unknown id fails clearly. */
import { fail, ok, type Result } from '../../core/common/result.js';
import { closest } from '../../core/common/similar.js';

/** Fail with `not-found` when `id` is not one of `known`, listing the known ids. */
export function requireKnownId(id: string | undefined, known: readonly string[], what: string, path: string): Result<void> {
  if (id === undefined || known.includes(id)) return ok(undefined);
  const close = closest(id, known);
  return fail('not-found', `unknown ${what} "${id}"${close === undefined ? '' : ` (did you mean "${close}"?)`}; known: ${known.join(', ')}`, [], path);
}

/** Case-insensitive substring match over several fields. */
export function matchesText(needle: string | undefined, ...fields: readonly (string | null | undefined)[]): boolean {
  if (needle === undefined || needle === '') return true;
  const lower = needle.toLowerCase();
  return fields.some((f) => f !== null && f !== undefined && f.toLowerCase().includes(lower));
}
