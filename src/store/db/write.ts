/**
 * Writing to the ledger: one transaction per batch, all or nothing. Rows are only ever inserted;
 * an id that exists already is skipped when identical (so seeding twice changes nothing) and is a
 * conflict when different; a record that names a version already superseded is a conflict.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { fail, ok, type Problem, type Result } from '../../core/common/result.js';
import type { LedgerCollection, LedgerRecord } from '../../core/ledger/schema.js';
import type { WriteBatch, WriteSummary } from '../../app/ports.js';
import type { Connection } from './connect.js';
import { appendAuditRow } from './audit.js';
import { toRow } from './rows.js';
import { COLLECTIONS, TABLES, type Database } from './tables.js';

const CHUNK = 400;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Run `fn` in a write transaction; SQLite takes the write lock up front so writers queue instead of failing. */
export async function inWriteTransaction<T>(conn: Connection, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (conn.dialect === 'postgres') return conn.db.transaction().execute((trx: Transaction<Database>) => fn(trx));
  return conn.db.connection().execute(async (db) => {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      const value = await fn(db);
      await sql`COMMIT`.execute(db);
      return value;
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  });
}

class ConflictError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super('conflict');
  }
}

async function existingBodies(trx: Kysely<Database>, collection: LedgerCollection, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom(TABLES[collection]).select(['id', 'body']).where('id', 'in', part).execute();
    for (const row of rows) found.set(row.id, row.body);
  }
  return found;
}

async function successors(trx: Kysely<Database>, collection: LedgerCollection, targets: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(targets)) {
    const rows = await trx.selectFrom(TABLES[collection]).select(['id', 'supersedes']).where('supersedes', 'in', part).execute();
    for (const row of rows) if (row.supersedes !== null) found.set(row.supersedes, row.id);
  }
  return found;
}

async function writePlanAndManifest(trx: Kysely<Database>, batch: WriteBatch, problems: Problem[]): Promise<{ plan: boolean; manifest: boolean }> {
  let plan = false;
  let manifest = false;
  if (batch.plan) {
    const body = JSON.stringify(batch.plan);
    const stored = await trx.selectFrom('plans').select('body').where('id', '=', batch.plan.id).where('version', '=', batch.plan.version).executeTakeFirst();
    if (stored === undefined) {
      await trx.insertInto('plans').values({ id: batch.plan.id, version: batch.plan.version, recorded_at: batch.recordedAt, body }).execute();
      plan = true;
    } else if (stored.body !== body) {
      problems.push({ path: 'plan', message: `plan "${batch.plan.id}" v${batch.plan.version} differs from the stored one: give the changed plan a new version number` });
    }
  }
  if (batch.manifest) {
    const body = JSON.stringify(batch.manifest);
    const latest = await trx.selectFrom('datasets').select('body').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (latest?.body !== body) {
      await trx.insertInto('datasets').values({ id: batch.manifest.id, recorded_at: batch.recordedAt, body }).execute();
      manifest = true;
    }
  }
  return { plan, manifest };
}

/** Append review rows, each only if its proposal's latest row is still the one it was decided on. */
async function writeReviews(trx: Kysely<Database>, batch: WriteBatch, problems: Problem[]): Promise<void> {
  for (const [i, review] of (batch.reviews ?? []).entries()) {
    const proposal = await trx.selectFrom('ingest_proposals').select('seq').where('seq', '=', review.proposalId).executeTakeFirst();
    if (proposal === undefined) {
      problems.push({ path: `reviews[${i}]`, message: `no proposal ${review.proposalId}` });
      continue;
    }
    const latest = await trx.selectFrom('ingest_reviews').select((eb) => eb.fn.max<number | null>('seq').as('seq')).where('proposal_seq', '=', review.proposalId).executeTakeFirst();
    const latestSeq = Number(latest?.seq ?? 0);
    if (latestSeq !== review.afterSeq) {
      problems.push({ path: `reviews[${i}]`, message: `proposal ${review.proposalId} was reviewed meanwhile (review ${latestSeq}): read it again and decide on the latest` });
      continue;
    }
    if (problems.length > 0) continue;
    const d = review.decision;
    await trx.insertInto('ingest_reviews').values({ proposal_seq: review.proposalId, after_seq: review.afterSeq, action: d.action, recorded_at: d.recordedAt, body: JSON.stringify(d) }).execute();
  }
}

/** Append a batch in one transaction: everything is written, or nothing and every conflict is listed. */
export async function writeBatch(conn: Connection, batch: WriteBatch): Promise<Result<WriteSummary>> {
  try {
    const summary = await inWriteTransaction(conn, async (trx) => {
      const problems: Problem[] = [];
      const header = await writePlanAndManifest(trx, batch, problems);
      const inserted = Object.fromEntries(COLLECTIONS.map((c) => [c, 0])) as Record<LedgerCollection, number>;
      let unchanged = 0;
      const existingIds = new Set<string>();
      for (const collection of COLLECTIONS) {
        const records = batch.records[collection] ?? [];
        if (records.length === 0) continue;
        const existing = await existingBodies(trx, collection, records.map((r) => r.id));
        const taken = await successors(trx, collection, records.flatMap((r) => (r.supersedes === undefined ? [] : [r.supersedes])));
        const fresh: LedgerRecord[] = [];
        records.forEach((record, i) => {
          const stored = existing.get(record.id);
          if (stored !== undefined) {
            existingIds.add(record.id);
            if (stored === JSON.stringify(record)) unchanged++;
            else problems.push({ path: `${collection}[${i}]`, message: `"${record.id}" is already recorded with different content; records are never edited: add a new record that supersedes it` });
            return;
          }
          const successor = record.supersedes === undefined ? undefined : taken.get(record.supersedes);
          if (successor !== undefined) {
            problems.push({ path: `${collection}[${i}].supersedes`, message: `"${record.supersedes}" was already superseded by "${successor}": supersede the newer version instead` });
            return;
          }
          fresh.push(record);
        });
        if (problems.length === 0) {
          for (const part of chunks(fresh)) await trx.insertInto(TABLES[collection]).values(part.map((r) => toRow(collection, r))).execute();
          inserted[collection] = fresh.length;
        }
      }
      await writeReviews(trx, batch, problems);
      if (problems.length > 0) throw new ConflictError(problems);
      const written = COLLECTIONS.flatMap((c) => (inserted[c] > 0 ? (batch.records[c] ?? []).filter((r) => !existingIds.has(r.id)) : []));
      const afterIds = [
        ...(header.plan && batch.plan ? [`plan:${batch.plan.id}@${batch.plan.version}`] : []),
        ...(header.manifest && batch.manifest ? [`dataset:${batch.manifest.id}`] : []),
        ...written.map((r) => r.id),
        ...(batch.reviews ?? []).map((r) => `review:${r.proposalId}`),
      ];
      if (afterIds.length > 0) {
        const beforeIds = written.flatMap((r) => (r.supersedes === undefined ? [] : [r.supersedes]));
        await appendAuditRow(trx, conn.dialect, batch.recordedAt, { ...batch.audit, detail: batch.audit.detail ?? null, beforeIds, afterIds });
      }
      return { kind: 'write-summary' as const, inserted, unchanged, isPlanInserted: header.plan, isManifestInserted: header.manifest };
    });
    return ok(summary);
  } catch (error) {
    if (error instanceof ConflictError) return fail('conflict', `${error.problems.length} conflict(s); nothing was written`, error.problems);
    if (isUniqueViolation(error)) return fail('conflict', `a concurrent write got there first; nothing was written (${(error as Error).message})`);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
}
