/**
 * The audit head as the server knows it. Every write appends to the audit log, so the head says
 * whether a cached answer or a checked login is still current. Reading it costs a database read
 * transaction (on SQLite, two file-lock system calls), which was the largest cost of a cached
 * read, so the server reads it at most once per `maxAgeMs`, and again at once after every write
 * it makes itself. A write through this server is therefore seen by the very next request; a
 * write by another process (the CLI, a second server on PostgreSQL) within `maxAgeMs`.
 */
import type { Deps } from '../app/operation.js';
import { ok, type Result } from '../core/common/result.js';

export interface AuditHead {
  /** The audit sequence number, at most `maxAgeMs` old (or read now, after `invalidate`). */
  seq(): Promise<Result<number>>;
  /** Forget the known head: this server has just written. */
  invalidate(): void;
}

/** The audit head of the app's database, re-read when older than `maxAgeMs` (0: on every call). */
export function createAuditHead(deps: Pick<Deps, 'database'>, maxAgeMs: number, nowMs: () => number): AuditHead {
  let known: { readonly seq: number; readonly readAtMs: number } | undefined;
  let generation = 0;
  return {
    async seq() {
      const now = nowMs();
      if (known !== undefined && now - known.readAtMs < maxAgeMs) return ok(known.seq);
      const database = await deps.database({ isMigrating: true });
      if (!database.ok) return database;
      const started = generation;
      const head = await database.value.auditHead();
      // A write that finished while this read was under way may not be in it: keep it unknown.
      if (started === generation) known = { seq: head.seq, readAtMs: now };
      return ok(head.seq);
    },
    invalidate() {
      generation++;
      known = undefined;
    },
  };
}
