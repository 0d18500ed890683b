// One contract for every database: the same tests run on SQLite and on PostgreSQL.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerDatabase } from '../../src/app/ports.js';
import { exportText } from '../../src/core/exchange/document.js';
import type { DatasetManifest, Ledger } from '../../src/core/ledger/schema.js';
import { computePicture } from '../../src/core/picture/picture.js';
import { addDays, endOfDay } from '../../src/core/common/dates.js';
import { isoDateArb, ledgerArb } from '../../src/core/testing/arbitraries.js';
import { assessment, samplePlan } from '../../src/core/testing/fixtures.js';
import { connect } from '../../src/store/db/connect.js';
import { openDatabase } from '../../src/store/db/database.js';
import { readDatasetFolder } from '../../src/store/files/dataset-folder.js';
import { parseExportDocument } from '../../src/store/files/import-file.js';
import { databasesUnderTest, PG_SKIP_MESSAGE, PG_URL } from '../helpers/databases.js';
import { DEFAULT_DATASET } from '../helpers/cli.js';

if (PG_URL === undefined || PG_URL === '') {
  describe.skip(`contract on PostgreSQL — ${PG_SKIP_MESSAGE}`, () => {
    it('runs when OPCON_TEST_PG_URL is set', () => undefined);
  });
}

const NOW = '2026-11-23T12:00:00.000Z';
const manifest: DatasetManifest = {
  kind: 'dataset', id: 'sample', title: 'Sample', description: 'Sample dataset', plan: 'plan.yaml',
  recordedAtConvention: 'test', currentTo: '2026-06-25', caveats: [], recordGaps: [],
};

for (const target of databasesUnderTest()) {
  describe(`ledger database contract on ${target.name}`, () => {
    afterAll(() => target.dropAll(), 60_000);
    const open = async () => {
      const db = await openDatabase(await target.create(), { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      return db.value;
    };
    const seedDefault = async (db: LedgerDatabase) => {
      const folder = await readDatasetFolder(DEFAULT_DATASET);
      if (!folder.ok) throw new Error(folder.error.message);
      const { kind: _k, ...records } = folder.value.ledger;
      return db.write({ audit: { actor: 'test', operation: 'write' },  plan: folder.value.plan, manifest: folder.value.manifest, records, recordedAt: NOW });
    };

    it('migrates once and reports the schema', async () => {
      const db = await open();
      const status = await db.status();
      expect(status.ok && status.value.applied).toEqual(['0001_initial', '0002_ingest', '0003_accounts']);
      expect(status.ok && status.value.pending).toEqual([]);
      const again = await db.migrate();
      expect(again.ok && again.value.applied).toEqual(['0001_initial', '0002_ingest', '0003_accounts']);
      await db.close();
    });

    it('seeds the default dataset, and seeding again changes nothing', async () => {
      const db = await open();
      const first = await seedDefault(db);
      expect(first.ok && first.value.inserted.sources).toBeGreaterThanOrEqual(40);
      const second = await seedDefault(db);
      expect(second.ok).toBe(true);
      if (second.ok) {
        expect(Object.values(second.value.inserted).every((n) => n === 0)).toBe(true);
        expect(second.value.isPlanInserted || second.value.isManifestInserted).toBe(false);
      }
      const loaded = await db.load();
      const folder = await readDatasetFolder(DEFAULT_DATASET);
      expect(loaded.ok && folder.ok && loaded.value.ledger).toEqual(folder.ok ? folder.value.ledger : null);
      await db.close();
    });

    it('never updates or deletes a row, even with raw SQL', async () => {
      const location = await target.create();
      const db = await openDatabase(location, { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      await db.value.write({ audit: { actor: 'test', operation: 'write' },  plan: samplePlan(), manifest, records: { sources: [{ kind: 'source', id: 'S1', outlet: 'O', title: null, url: null, published: null, sourceKind: 'news', reliability: 'B', language: 'en', releasability: 'PUBLIC', recordedAt: NOW }] }, recordedAt: NOW });
      await db.value.close();
      const raw = await connect(location);
      if (!raw.ok) throw new Error(raw.error.message);
      await expect(sql`UPDATE sources SET body = '{}' WHERE id = 'S1'`.execute(raw.value.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM sources WHERE id = 'S1'`.execute(raw.value.db)).rejects.toThrow(/append-only/);
      await expect(sql`UPDATE plans SET version = 9`.execute(raw.value.db)).rejects.toThrow(/append-only/);
      const count = await raw.value.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      expect(Number(count?.n)).toBe(1);
      await raw.value.close();
    });

    it('rejects a stale correction as a conflict naming the newer version, and writes nothing of a failed batch', async () => {
      const db = await open();
      const base = { plan: samplePlan(), manifest, recordedAt: NOW };
      expect((await db.write({ audit: { actor: 'test', operation: 'write' },  ...base, records: { assessments: [assessment('a1', 'A', 'C1.a', '2021-01-01', 1)] } })).ok).toBe(true);
      const fix1 = assessment('a1-fix', 'A', 'C1.a', '2021-01-01', 2, { supersedes: 'a1', recordedAt: '2022-01-01T00:00:00Z' });
      expect((await db.write({ audit: { actor: 'test', operation: 'write' },  ...base, records: { assessments: [fix1] } })).ok).toBe(true);
      const stale = assessment('a1-fix-b', 'A', 'C1.a', '2021-01-01', 3, { supersedes: 'a1', recordedAt: '2022-02-01T00:00:00Z' });
      const innocent = assessment('b1', 'B', 'C1.a', '2021-01-01', 2);
      const result = await db.write({ audit: { actor: 'test', operation: 'write' },  ...base, records: { assessments: [innocent, stale] } });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('conflict');
        expect(result.error.problems[0]?.message).toContain('already superseded by "a1-fix"');
      }
      const all = await db.load();
      expect(all.ok && all.value.ledger.assessments.map((a) => a.id)).toEqual(['a1', 'a1-fix']);
      const changed = await db.write({ audit: { actor: 'test', operation: 'write' },  ...base, records: { assessments: [assessment('a1', 'A', 'C1.a', '2021-01-01', 3)] } });
      expect(!changed.ok && changed.error.code).toBe('conflict');
      await db.close();
    });

    it('gives the same picture from the database as from the whole ledger', async () => {
      const plan = samplePlan();
      await fc.assert(
        fc.asyncProperty(ledgerArb, isoDateArb, fc.integer({ min: 0, max: 400 }), fc.constantFrom('ROK', 'US', 'all' as const), async (ledger: Ledger, asOf, lag, audience) => {
          const db = await open();
          try {
            const { kind: _k, ...records } = ledger;
            const written = await db.write({ audit: { actor: 'test', operation: 'write' },  plan, manifest, records, recordedAt: NOW });
            expect(written.ok).toBe(true);
            const scope = { kind: 'scope' as const, asOf, knownAt: endOfDay(addDays(asOf, lag)), audience };
            const partial = await db.loadForPicture(scope, [addDays(asOf, -365)]);
            if (!partial.ok) throw new Error(partial.error.message);
            expect(computePicture(plan, partial.value.ledger, scope)).toEqual(computePicture(plan, ledger, scope));
          } finally {
            await db.close();
          }
        }),
        { numRuns: target.name === 'postgres' ? 12 : 30, endOnFailure: true },
      );
    });

    it('exports, imports into an empty database and exports the same bytes', async () => {
      const source = await open();
      expect((await seedDefault(source)).ok).toBe(true);
      const loaded = await source.load();
      if (!loaded.ok) throw new Error(loaded.error.message);
      for (const format of ['json', 'yaml'] as const) {
        const text = exportText(loaded.value, format);
        const doc = parseExportDocument(text, `export.${format}`);
        if (!doc.ok) throw new Error(doc.error.message);
        const target2 = await open();
        const { kind: _k, formatVersion: _v, manifest: m, plan: p, ...records } = doc.value;
        expect((await target2.write({ audit: { actor: 'test', operation: 'write' },  plan: p, manifest: m, records, recordedAt: NOW })).ok).toBe(true);
        const again = await target2.load();
        expect(again.ok && exportText(again.value, format)).toBe(text);
        await target2.close();
      }
      await source.close();
    });
  });
}
