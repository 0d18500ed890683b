/**
 * Opening a database: Kysely over better-sqlite3 (WAL, foreign keys, busy timeout) or over pg.
 * The same Kysely instance type serves both, so the queries above this file are written once.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { fail, ok, type Result } from '../../core/common/result.js';
import { migrationProvider, type Dialect } from './migrations.js';
import type { Database } from './tables.js';
import { describeLocation, type DbLocation } from './url.js';

export interface Connection {
  readonly kind: 'connection';
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly location: DbLocation;
  readonly description: string;
  /** The raw SQLite handle (backup, integrity check); undefined on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | undefined;
  readonly migrator: Migrator;
  close(): Promise<void>;
}

/** Open a database connection (the file is created if needed; the schema is not migrated here). */
export async function connect(location: DbLocation): Promise<Result<Connection>> {
  const description = describeLocation(location);
  if (location.kind === 'sqlite') {
    try {
      if (location.path !== ':memory:') mkdirSync(dirname(location.path), { recursive: true });
      const sqlite = new BetterSqlite3(location.path);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 10000');
      sqlite.pragma('synchronous = NORMAL');
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
      return ok(wrap(db, 'sqlite', location, description, sqlite));
    } catch (error) {
      return fail('unreadable', `cannot open ${description}: ${(error as Error).message}`);
    }
  }
  const pool = new pg.Pool({ connectionString: location.url, max: 8 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    return fail('unreadable', `cannot connect to ${description}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return ok(wrap(db, 'postgres', location, description, undefined));
}

function wrap(db: Kysely<Database>, dialect: Dialect, location: DbLocation, description: string, sqlite: BetterSqlite3.Database | undefined): Connection {
  return {
    kind: 'connection',
    db,
    dialect,
    location,
    description,
    sqlite,
    migrator: new Migrator({ db, provider: migrationProvider(dialect) }),
    close: () => db.destroy(),
  };
}
