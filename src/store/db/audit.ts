/**
 * Appending to the audit log inside a write's own transaction, so that a write and its audit
 * row commit together or not at all. The chain is serialised: SQLite writers hold the write lock
 * (BEGIN IMMEDIATE); PostgreSQL writers take a transaction-scoped advisory lock first.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { auditBody, chainText, GENESIS_HASH, type AuditEntry, type AuditRow, type NewAuditEntry } from '../../core/audit/chain.js';
import type { Dialect } from './migrations.js';
import type { Database } from './tables.js';

/** Arbitrary but fixed: the advisory lock that serialises the audit chain on PostgreSQL. */
const AUDIT_LOCK = 4_310_001;

/** SHA-256 as lower-case hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Append one audit row after the current head; returns the entry written. */
export async function appendAuditRow<DB>(db: Kysely<DB>, dialect: Dialect, at: string, entry: NewAuditEntry): Promise<AuditEntry> {
  const trx = db as unknown as Kysely<Database>;
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const full: AuditEntry = { kind: 'audit-entry', seq: Number(head?.seq ?? 0) + 1, at, ...entry };
  const body = auditBody(full);
  const prevHash = head?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({ seq: full.seq, at, actor: entry.actor, operation: entry.operation, body, prev_hash: prevHash, hash: sha256(chainText(prevHash, body)) })
    .execute();
  return full;
}

/** Every audit row in order. */
export async function readAuditRows(db: Kysely<Database>): Promise<readonly AuditRow[]> {
  const rows = await db.selectFrom('audit_log').select(['seq', 'body', 'prev_hash', 'hash']).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), body: r.body, prevHash: r.prev_hash, hash: r.hash }));
}

/** The head of the chain: the number of rows' last seq and hash (what changes on every write). */
export async function auditHead(db: Kysely<Database>): Promise<{ readonly seq: number; readonly hash: string }> {
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { seq: Number(head?.seq ?? 0), hash: head?.hash ?? GENESIS_HASH };
}
