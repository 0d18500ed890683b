/** The audit log: verify the hash chain, and list recent entries. */
import { z } from 'zod';
import { auditEntries, verifyChain, type AuditEntry, type AuditProblem } from '../../core/audit/chain.js';
import { ok, type Result } from '../../core/common/result.js';
import { defineOperation } from '../operation.js';

export interface AuditVerification {
  readonly kind: 'audit-verification';
  readonly rows: number;
  readonly head: { readonly seq: number; readonly hash: string };
  /** True when the head given to compare with is still in the chain, unchanged. */
  readonly isExpectedHeadFound: boolean | null;
  readonly problems: readonly AuditProblem[];
}

export const auditVerifyOperation = defineOperation({
  name: 'audit.verify',
  summary: 'Verify the audit hash chain and name every altered, inserted or deleted row',
  access: 'audit',
  input: z.strictObject({
    /** A head noted earlier (SEQ:HASH), to prove nothing after it was cut off. */
    expectHead: z.string().regex(/^\d+:[0-9a-f]{64}$/, { message: 'expected SEQ:HASH as printed by an earlier "opcon audit verify"' }).optional(),
  }),
  async run(deps, input): Promise<Result<AuditVerification>> {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const rows = await db.value.auditRows();
    const problems = verifyChain(rows, deps.secrets.digest, await db.value.ledgerIds());
    const last = rows.at(-1);
    let isExpectedHeadFound: boolean | null = null;
    if (input.expectHead !== undefined) {
      const [seq, hash] = input.expectHead.split(':');
      isExpectedHeadFound = rows.some((r) => r.seq === Number(seq) && r.hash === hash);
    }
    return ok({ kind: 'audit-verification', rows: rows.length, head: { seq: last?.seq ?? 0, hash: last?.hash ?? '' }, isExpectedHeadFound, problems });
  },
});

export const auditListOperation = defineOperation({
  name: 'audit.list',
  summary: 'The most recent audit entries, newest first',
  access: 'audit',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(50) }),
  async run(deps, input): Promise<Result<readonly AuditEntry[]>> {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const entries = auditEntries(await db.value.auditRows());
    // Long id lists (a seed writes thousands) are summarised for reading.
    return ok(entries.slice(-input.limit).reverse().map((e) => (e.afterIds.length > 20 ? { ...e, afterIds: [...e.afterIds.slice(0, 20), `… ${e.afterIds.length - 20} more`] } : e)));
  },
});
