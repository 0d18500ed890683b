/** Shared input fields and their resolution to a picture scope (as-of date, knowledge time, audience). */
import { z } from 'zod';
import { IsoDateSchema, endOfDay, isIsoDate, isIsoDateTime } from '../core/common/dates.js';
import { AUDIENCES, type Audience } from '../core/common/releasability.js';
import { fail, ok, type Result } from '../core/common/result.js';
import type { Scope } from '../core/picture/scope.js';
import type { Clock } from './ports.js';

export const AudienceSchema = z.enum(AUDIENCES as [Audience, ...Audience[]]);

export const ScopeInput = {
  asOf: IsoDateSchema.optional(),
  knownAt: z
    .string()
    .refine((v) => isIsoDate(v) || isIsoDateTime(v), { message: 'expected YYYY-MM-DD or a UTC timestamp such as 2026-05-14T09:00:00Z' })
    .optional(),
  audience: AudienceSchema.default('all'),
};

/** Resolve the scope: as-of defaults to today; knowledge defaults to the end of the as-of day. */
export function resolveScope(
  input: { readonly asOf?: string | undefined; readonly knownAt?: string | undefined; readonly audience: Audience },
  clock: Clock,
): Result<Scope> {
  const today = clock.today();
  const asOf = input.asOf ?? today;
  if (asOf > today) return fail('future-date', `--as-of ${asOf} is in the future (today is ${today}); the record cannot speak for it`, [], 'asOf');
  const knownAt = input.knownAt === undefined ? endOfDay(asOf) : isIsoDate(input.knownAt) ? endOfDay(input.knownAt) : input.knownAt;
  if (knownAt.slice(0, 10) > today) return fail('future-date', `--known-at ${input.knownAt ?? ''} is in the future (today is ${today})`, [], 'knownAt');
  if (knownAt.slice(0, 10) < asOf) {
    return fail('invalid-input', `--known-at (${knownAt.slice(0, 10)}) must not be before --as-of (${asOf}): nothing recorded then can speak for a later date`, [], 'knownAt');
  }
  return ok({ kind: 'scope', asOf, knownAt, audience: input.audience });
}
