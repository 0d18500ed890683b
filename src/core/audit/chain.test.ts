import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditBody, chainText, GENESIS_HASH, verifyChain, type AuditEntry, type AuditRow } from './chain.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry: AuditEntry = { kind: 'audit-entry', seq, at: `2026-01-0${seq}T00:00:00.000Z`, actor: 'alpha', operation: 'assessments.record', beforeIds: [], afterIds: [`R${seq}`], detail: null };
    const body = auditBody(entry);
    const hash = sha(chainText(prev, body));
    rows.push({ seq, body, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('accepts an intact chain and every record it wrote', () => {
    expect(verifyChain(chain(5), sha, ['R1', 'R5'])).toEqual([]);
  });
  it('names an altered row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, body: rows[2]!.body.replace('alpha', 'bravo') };
    const problems = verifyChain(rows, sha);
    expect(problems.map((p) => [p.problem, p.seq])).toEqual([['altered', 3]]);
  });
  it('names a deleted row', () => {
    const rows = chain(5).filter((r) => r.seq !== 3);
    expect(verifyChain(rows, sha).map((p) => [p.problem, p.seq])).toContainEqual(['deleted', 3]);
  });
  it('names an inserted row, even one hashed correctly over a forged link', () => {
    const rows = chain(4);
    const forged = { kind: 'audit-entry' as const, seq: 3, at: 'x', actor: 'mallory', operation: 'x', beforeIds: [], afterIds: [], detail: null };
    const body = auditBody(forged);
    const bad: AuditRow = { seq: 3, body, prevHash: GENESIS_HASH, hash: sha(chainText(GENESIS_HASH, body)) };
    const problems = verifyChain([rows[0]!, rows[1]!, bad, rows[3]!], sha);
    expect(problems.map((p) => [p.problem, p.seq])).toContainEqual(['inserted', 3]);
  });
  it('finds records whose audit row was cut off the end', () => {
    const problems = verifyChain(chain(3), sha, ['R1', 'R2', 'R3', 'R4']);
    expect(problems.map((p) => p.problem)).toEqual(['unaudited']);
  });
});
