/** The ledger database: the `LedgerDatabase` port over a Kysely connection (SQLite or PostgreSQL). */
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { fail, ok, type Result } from '../../core/common/result.js';
import type { Scope } from '../../core/picture/scope.js';
import type { LedgerDatabase, LoadedDataset, MigrationState } from '../../app/ports.js';
import { connect, type Connection } from './connect.js';
import { exportText } from '../../core/exchange/document.js';
import { loaded, readAll, readForPicture, readHeader, type HeaderCache } from './read.js';
import { ACCOUNT_TABLES, COLLECTIONS, INGEST_TABLES, TABLES } from './tables.js';
import { ingestQueue } from './ingest-queue.js';
import { accountStore } from './accounts.js';
import type { DbLocation } from './url.js';
import { writeBatch } from './write.js';

async function state(conn: Connection): Promise<MigrationState> {
  const migrations = await conn.migrator.getMigrations();
  const applied = migrations.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const counts: Record<string, number> = {};
  if (applied.length > 0) {
    const ingestTables = applied.includes('0002_ingest') ? INGEST_TABLES : [];
    const accountTables = applied.includes('0003_accounts') ? ACCOUNT_TABLES : [];
    for (const table of ['plans', 'datasets', ...COLLECTIONS.map((c) => TABLES[c]), ...ingestTables, ...accountTables] as const) {
      const row = await conn.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      counts[table] = Number(row?.n ?? 0);
    }
  }
  return {
    kind: 'migration-state',
    location: conn.description,
    dialect: conn.dialect,
    applied,
    pending: migrations.filter((m) => m.executedAt === undefined).map((m) => m.name),
    counts,
  };
}

async function migrate(conn: Connection): Promise<Result<MigrationState>> {
  const { error, results } = await conn.migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    return fail('invalid-input', `migration ${failed} failed on ${conn.description}: ${(error as Error).message}`);
  }
  return ok(await state(conn));
}

/** Check a SQLite file is a healthy database of ours before it replaces the current one. */
function checkSqliteBackup(file: string): Result<void> {
  try {
    const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const integrity = probe.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') return fail('invalid-input', `${file} fails its integrity check: ${String(integrity)}`);
      const hasSchema = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('plans', 'assessments')").get() as { n: number };
      if (hasSchema.n !== 2) return fail('invalid-input', `${file} is not an OPCON Transition Monitor database`);
      return ok(undefined);
    } finally {
      probe.close();
    }
  } catch (error) {
    return fail('unreadable', `cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Open the ledger database at a location; with `isMigrating`, bring its schema up to date first. */
export async function openDatabase(location: DbLocation, options: { readonly isMigrating: boolean }): Promise<Result<LedgerDatabase>> {
  const opened = await connect(location);
  if (!opened.ok) return opened;
  const conn = opened.value;
  if (options.isMigrating) {
    const migrated = await migrate(conn);
    if (!migrated.ok) {
      await conn.close();
      return migrated;
    }
  }
  const headerCache: HeaderCache = { key: '', header: undefined };
  const loadAll = async (): Promise<Result<LoadedDataset>> => {
    const header = await readHeader(conn.db, headerCache);
    if (!header.ok) return header;
    return ok(loaded(header.value, await readAll(conn.db), conn.description));
  };
  return ok({
    kind: 'record-store',
    location: conn.description,
    dialect: conn.dialect,
    load: loadAll,
    async loadForPicture(scope: Scope, alsoAsOf: readonly string[]) {
      const header = await readHeader(conn.db, headerCache);
      if (!header.ok) return header;
      return ok(loaded(header.value, await readForPicture(conn.db, header.value, scope, alsoAsOf), conn.description));
    },
    migrate: () => migrate(conn),
    status: async () => ok(await state(conn)),
    write: (batch) => writeBatch(conn, batch),
    ...ingestQueue(conn),
    ...accountStore(conn),
    async optimize() {
      // Fresh bulk loads have no statistics (and, on PostgreSQL, no visibility map for index-only scans).
      await sql.raw(conn.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(conn.db);
    },
    async backup(file) {
      if (conn.sqlite !== undefined) {
        await conn.sqlite.backup(file);
        return ok({ file, bytes: statSync(file).size });
      }
      const all = await loadAll();
      if (!all.ok) return all;
      writeFileSync(file, exportText(all.value, 'json'));
      return ok({ file, bytes: statSync(file).size });
    },
    async restore(file) {
      if (conn.location.kind !== 'sqlite' || conn.location.path === ':memory:') {
        return fail('invalid-input', 'restore into PostgreSQL goes through the export: run `opcon import FILE` on an empty database');
      }
      const checked = checkSqliteBackup(file);
      if (!checked.ok) return checked;
      const target = conn.location.path;
      await conn.close();
      for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix);
      copyFileSync(file, target);
      return ok({ file });
    },
    close: () => conn.close(),
  });
}
