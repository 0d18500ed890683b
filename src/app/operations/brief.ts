/** The brief: the picture as of a date for one reader, with the dataset's provenance. */
import { z } from 'zod';
import { addDays } from '../../core/common/dates.js';
import { ok, type Result } from '../../core/common/result.js';
import type { DatasetManifest } from '../../core/ledger/schema.js';
import { computePicture, type Picture } from '../../core/picture/picture.js';
import { defineOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';

export interface Brief {
  readonly kind: 'brief';
  /** Bumped when the JSON shape changes incompatibly. */
  readonly schemaVersion: 1;
  readonly dataset: {
    readonly id: string;
    readonly title: string;
    readonly currentTo: string;
    readonly location: string;
    readonly caveats: readonly string[];
    /** Party-condition-years the record is silent on (no assessment, by design). */
    readonly recordGaps: DatasetManifest['recordGaps'];
  };
  readonly plan: { readonly id: string; readonly version: number; readonly title: string };
  /** True when the as-of date is later than the last date the record was brought up to. */
  readonly isBeyondRecord: boolean;
  readonly picture: Picture;
}

/** The divergence trend compares with the picture this many days earlier. */
const TREND_DAYS = 365;

export const briefOperation = defineOperation({
  name: 'brief',
  access: 'read',
  summary: 'The picture as of a date: stages, conditions per party, divergence, decisions, escalation, key dates, statements',
  input: z.strictObject({ ...ScopeInput, statementLimit: z.number().int().min(0).max(100).default(8) }),
  async run(deps, input): Promise<Result<Brief>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const loaded = await deps.store.loadForPicture(scope.value, [addDays(scope.value.asOf, -TREND_DAYS)]);
    if (!loaded.ok) return loaded;
    const { manifest, plan, ledger, location } = loaded.value;
    const picture = computePicture(plan, ledger, scope.value, { statementLimit: input.statementLimit, trendDays: TREND_DAYS });
    return ok({
      kind: 'brief',
      schemaVersion: 1,
      dataset: {
        id: manifest.id,
        title: manifest.title,
        currentTo: manifest.currentTo,
        location,
        caveats: manifest.caveats,
        recordGaps: manifest.recordGaps,
      },
      plan: { id: plan.id, version: plan.version, title: plan.title },
      isBeyondRecord: scope.value.asOf > manifest.currentTo,
      picture,
    });
  },
});
