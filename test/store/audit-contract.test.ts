// The audit log on both databases: every write leaves one chained row in its own transaction, and
// `audit verify` names any row altered, inserted or deleted behind the triggers' back.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/core/audit/chain.js';
import { assessment, samplePlan } from '../../src/core/testing/fixtures.js';
import { connect } from '../../src/store/db/connect.js';
import { openDatabase } from '../../src/store/db/database.js';
import { sha256 } from '../../src/store/db/audit.js';
import type { DbLocation } from '../../src/store/db/url.js';
import { databasesUnderTest, PG_SKIP_MESSAGE, PG_URL } from '../helpers/databases.js';

if (PG_URL === undefined || PG_URL === '') {
  describe.skip(`audit contract on PostgreSQL — ${PG_SKIP_MESSAGE}`, () => {
    it('runs when OPCON_TEST_PG_URL is set', () => undefined);
  });
}

const NOW = '2026-11-23T12:00:00.000Z';
const stamp = { actor: 'tester', operation: 'assessments.record' };

for (const target of databasesUnderTest()) {
  describe(`audit log on ${target.name}`, () => {
    afterAll(() => target.dropAll(), 60_000);
    const seeded = async (): Promise<DbLocation> => {
      const location = await target.create();
      const db = await openDatabase(location, { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      const plan = samplePlan();
      const base = await db.value.write({ plan, records: {}, recordedAt: NOW, audit: { actor: 'tester', operation: 'db.seed' } });
      expect(base.ok).toBe(true);
      for (let i = 0; i < 4; i++) {
        const written = await db.value.write({ records: { assessments: [assessment(`A${i}`, 'A', 'C1.a', `2026-0${i + 1}-01`, 1)] }, recordedAt: NOW, audit: stamp });
        expect(written.ok).toBe(true);
      }
      await db.value.close();
      return location;
    };
    const verify = async (location: DbLocation) => {
      const db = await openDatabase(location, { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      try {
        return verifyChain(await db.value.auditRows(), sha256, await db.value.ledgerIds());
      } finally {
        await db.value.close();
      }
    };
    /** Run raw SQL with the append-only triggers off, as someone with the database file would. */
    const tamper = async (location: DbLocation, statements: readonly string[]) => {
      const conn = await connect(location);
      if (!conn.ok) throw new Error(conn.error.message);
      try {
        if (conn.value.dialect === 'sqlite') {
          await sql.raw('DROP TRIGGER audit_log_no_update').execute(conn.value.db);
          await sql.raw('DROP TRIGGER audit_log_no_delete').execute(conn.value.db);
        } else {
          await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER ALL').execute(conn.value.db);
        }
        for (const statement of statements) await sql.raw(statement).execute(conn.value.db);
      } finally {
        await conn.value.close();
      }
    };

    it('writes one row per write, with who, what and the ids written, and refuses edits', async () => {
      const location = await seeded();
      const db = await openDatabase(location, { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      const rows = await db.value.auditRows();
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      const last = JSON.parse(rows[4]!.body) as { actor: string; operation: string; afterIds: string[] };
      expect(last).toMatchObject({ actor: 'tester', operation: 'assessments.record', afterIds: ['A3'] });
      // A write that changes nothing leaves no row.
      await db.value.write({ records: { assessments: [assessment('A3', 'A', 'C1.a', '2026-04-01', 1)] }, recordedAt: NOW, audit: stamp });
      expect((await db.value.auditRows()).length).toBe(5);
      await db.value.close();
      const raw = await connect(location);
      if (!raw.ok) throw new Error(raw.error.message);
      await expect(sql.raw("UPDATE audit_log SET actor = 'x' WHERE seq = 1").execute(raw.value.db)).rejects.toThrow(/append-only/);
      await raw.value.close();
      expect(await verify(location)).toEqual([]);
    });
    it('names an altered row', async () => {
      const location = await seeded();
      await tamper(location, ["UPDATE audit_log SET body = replace(body, 'tester', 'someone-else') WHERE seq = 3"]);
      expect((await verify(location)).map((p) => [p.problem, p.seq])).toEqual([['altered', 3]]);
    });
    it('names a deleted row, and records left without an audit row when the last one goes', async () => {
      const location = await seeded();
      await tamper(location, ['DELETE FROM audit_log WHERE seq = 2']);
      expect((await verify(location)).map((p) => [p.problem, p.seq])).toContainEqual(['deleted', 2]);
      const tail = await seeded();
      await tamper(tail, ['DELETE FROM audit_log WHERE seq = 5']);
      expect((await verify(tail)).map((p) => p.problem)).toEqual(['unaudited']);
    });
    it('names an inserted row', async () => {
      const location = await seeded();
      await tamper(location, [
        'UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4',
        'UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000',
        `INSERT INTO audit_log (seq, at, actor, operation, body, prev_hash, hash) VALUES (4, '${NOW}', 'mallory', 'x', '{"kind":"audit-entry","seq":4,"at":"${NOW}","actor":"mallory","operation":"x","beforeIds":[],"afterIds":[],"detail":null}', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`,
      ]);
      const problems = await verify(location);
      expect(problems.map((p) => [p.problem, p.seq])).toContainEqual(['inserted', 4]);
    });
  });
}
