/**
 * The audit log as a hash chain: each row's hash covers its body and the previous row's hash, so
 * an altered, inserted or deleted row breaks the chain at a place that can be named. Hashing is
 * passed in, keeping this module pure.
 */

/** One audited write: who, when, what, and the ids it replaced and wrote. */
export interface NewAuditEntry {
  readonly actor: string;
  readonly operation: string;
  /** Ids of the records this write corrects (superseded versions) or changes (accounts). */
  readonly beforeIds: readonly string[];
  /** Ids of the records this write added. */
  readonly afterIds: readonly string[];
  readonly detail: string | null;
}

export interface AuditEntry extends NewAuditEntry {
  readonly kind: 'audit-entry';
  readonly seq: number;
  /** ISO timestamp of the write. */
  readonly at: string;
}

/** A row as stored: the body as written, and the chain fields. */
export interface AuditRow {
  readonly seq: number;
  readonly body: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type AuditProblemKind = 'altered' | 'inserted' | 'deleted' | 'unaudited';

export interface AuditProblem {
  readonly kind: 'audit-problem';
  readonly problem: AuditProblemKind;
  /** The audit row concerned (for `deleted`: the first missing seq). */
  readonly seq: number;
  readonly message: string;
}

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The canonical body of an entry: fixed key order, so the same entry always hashes alike. */
export function auditBody(entry: AuditEntry): string {
  return JSON.stringify({
    kind: entry.kind,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    operation: entry.operation,
    beforeIds: entry.beforeIds,
    afterIds: entry.afterIds,
    detail: entry.detail,
  });
}

/** The text a row's hash is taken over. */
export function chainText(prevHash: string, body: string): string {
  return `${prevHash}\n${body}`;
}

function parseEntry(body: string): AuditEntry | null {
  try {
    const value = JSON.parse(body) as Partial<AuditEntry>;
    if (value.kind !== 'audit-entry' || typeof value.seq !== 'number' || !Array.isArray(value.afterIds)) return null;
    return value as AuditEntry;
  } catch {
    return null;
  }
}

/** Parse the entries of stored rows (rows that do not parse are left out). */
export function auditEntries(rows: readonly AuditRow[]): readonly AuditEntry[] {
  return rows.flatMap((row) => {
    const entry = parseEntry(row.body);
    return entry === null ? [] : [entry];
  });
}

/**
 * Walk the chain in seq order and name every break. `ledgerIds` (optional) are the ids of every
 * record in the database: one that no audit row wrote shows a write whose audit row is gone.
 */
export function verifyChain(rows: readonly AuditRow[], hash: (text: string) => string, ledgerIds: readonly string[] = []): readonly AuditProblem[] {
  const problems: AuditProblem[] = [];
  const note = (problem: AuditProblemKind, seq: number, message: string) => problems.push({ kind: 'audit-problem', problem, seq, message });
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  let expectedSeq = sorted[0]?.seq ?? 1;
  let previousHash = GENESIS_HASH;
  const audited = new Set<string>();
  for (const row of sorted) {
    if (row.seq > expectedSeq) {
      note('deleted', expectedSeq, `audit row${row.seq - expectedSeq > 1 ? `s ${expectedSeq}–${row.seq - 1} are` : ` ${expectedSeq} is`} missing: deleted`);
    }
    const entry = parseEntry(row.body);
    const isLinked = row.prevHash === previousHash;
    const isIntact = hash(chainText(row.prevHash, row.body)) === row.hash && entry !== null && entry.seq === row.seq;
    if (!isIntact) {
      note(isLinked ? 'altered' : 'inserted', row.seq, isLinked ? `audit row ${row.seq} was altered: its hash does not match its content` : `audit row ${row.seq} does not belong to the chain: inserted or rewritten`);
    } else if (!isLinked && row.seq <= expectedSeq) {
      note('inserted', row.seq, `audit row ${row.seq} does not follow row ${row.seq - 1}: inserted or rewritten`);
    }
    for (const id of entry?.afterIds ?? []) audited.add(id);
    previousHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const unaudited = ledgerIds.filter((id) => !audited.has(id));
  if (unaudited.length > 0) {
    note('unaudited', expectedSeq, `${unaudited.length} stored record(s) have no audit row (e.g. ${unaudited.slice(0, 3).join(', ')}): audit rows after ${expectedSeq - 1} were deleted, or records were written around the log`);
  }
  return problems;
}
