/** Whole datasets in and out: export, import, backup, restore. */
import { z } from 'zod';
import { fail, formatPath, ok, type Result } from '../../core/common/result.js';
import { exportText, type ExportDocument } from '../../core/exchange/document.js';
import { checkDataset } from '../../core/ledger/check.js';
import type { Ledger, LedgerCollection } from '../../core/ledger/schema.js';
import { COLLECTION_NAMES } from '../../core/ledger/collections.js';
import { AudienceSchema } from '../scope-input.js';
import { visibleLedger } from '../../core/ledger/visible.js';
import { auditStamp, defineOperation } from '../operation.js';
import type { AuditStamp, LedgerDatabase, WriteSummary } from '../ports.js';

export const exportOperation = defineOperation({
  name: 'export',
  access: 'read',
  summary: 'The whole dataset as JSON or YAML (or assessments as CSV)',
  input: z.strictObject({ format: z.enum(['json', 'yaml', 'csv']).default('json'), audience: AudienceSchema.default('all') }),
  async run(deps, input): Promise<Result<string>> {
    const loaded = await deps.store.load();
    // An export for a reader holds only what that reader may see.
    return loaded.ok ? ok(exportText({ ...loaded.value, ledger: visibleLedger(loaded.value.ledger, input.audience) }, input.format)) : loaded;
  },
});

function merge(existing: Ledger | undefined, added: Partial<Omit<Ledger, 'kind'>>): Ledger {
  const union = <K extends LedgerCollection>(k: K) => {
    const have = existing?.[k] ?? [];
    const ids = new Set(have.map((r) => r.id));
    return [...have, ...((added[k] ?? []) as Ledger[K]).filter((r) => !ids.has(r.id))] as Ledger[K];
  };
  return { kind: 'ledger', ...(Object.fromEntries(COLLECTION_NAMES.map((k) => [k, union(k)])) as unknown as Omit<Ledger, 'kind'>) };
}

async function importDocument(db: LedgerDatabase, doc: ExportDocument, now: string, audit: AuditStamp): Promise<Result<WriteSummary>> {
  const existing = await db.load();
  const current = existing.ok ? existing.value.ledger : undefined;
  const { kind: _k, formatVersion: _v, manifest, plan, ...records } = doc;
  const problems = checkDataset(plan, merge(current, records));
  if (problems.length > 0) {
    return fail('invalid-input', `${problems.length} broken reference(s); nothing was imported`, problems.map((p) => ({ path: `${p.collection}${formatPath(p.path).replace(/^(?!\[)/, '.')}`, message: p.message })));
  }
  const written = await db.write({ plan, manifest, records, recordedAt: now, audit });
  if (written.ok) await db.optimize();
  return written;
}

export const importOperation = defineOperation({
  name: 'import',
  access: 'local',
  isWrite: true,
  summary: 'Import a dataset (JSON/YAML export) or assessments (CSV), all or nothing',
  input: z.strictObject({ file: z.string().min(1) }),
  async run(deps, input): Promise<Result<WriteSummary>> {
    const payload = await deps.importReader.read(input.file);
    if (!payload.ok) return payload;
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    if (payload.value.document) return importDocument(db.value, payload.value.document, deps.clock.now(), auditStamp(deps, 'import', input.file));
    const existing = await db.value.load();
    if (!existing.ok) return fail('not-found', 'import assessments into a database that holds a dataset: run `opcon db seed` first');
    const assessments = payload.value.assessments ?? [];
    const problems = checkDataset(existing.value.plan, merge(existing.value.ledger, { assessments })).filter((p) => p.collection === 'assessments');
    if (problems.length > 0) {
      const offset = existing.value.ledger.assessments.length;
      return fail(
        'invalid-input',
        `${problems.length} bad row(s); nothing was imported`,
        problems.map((p) => {
          const index = typeof p.path[0] === 'number' ? p.path[0] - offset : -1;
          const id = assessments[index]?.id ?? '?';
          return { file: input.file, line: index + 2, path: `${id}.${String(p.path[1] ?? '')}`, message: p.message };
        }),
      );
    }
    return db.value.write({ records: { assessments }, recordedAt: deps.clock.now(), audit: auditStamp(deps, 'import', input.file) });
  },
});

export const backupOperation = defineOperation({
  name: 'backup',
  access: 'local',
  summary: 'Copy the database to a file (SQLite online backup; PostgreSQL: a JSON export)',
  input: z.strictObject({ file: z.string().min(1) }),
  async run(deps, input) {
    const db = await deps.database({ isMigrating: true });
    return db.ok ? db.value.backup(input.file) : db;
  },
});

export const restoreOperation = defineOperation({
  name: 'restore',
  access: 'local',
  isWrite: true,
  summary: 'Replace the SQLite database with a backup (checked first)',
  input: z.strictObject({ file: z.string().min(1) }),
  async run(deps, input) {
    const db = await deps.database({ isMigrating: false });
    return db.ok ? db.value.restore(input.file) : db;
  },
});
