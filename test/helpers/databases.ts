// The databases the contract suite runs against: SQLite always, PostgreSQL when CI (or you) point
// OPCON_TEST_PG_URL at a server. Each suite gets a fresh database and drops it afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DbLocation } from '../../src/store/db/url.js';

export const PG_URL = process.env['OPCON_TEST_PG_URL'];
export const PG_SKIP_MESSAGE =
  'PostgreSQL half skipped: set OPCON_TEST_PG_URL=postgres://USER@127.0.0.1:PORT/postgres to a PostgreSQL 15 server to run it (.ci/run starts one).';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  create(): Promise<DbLocation>;
  dropAll(): Promise<void>;
}

export const sqliteDatabases: TestDatabase = {
  name: 'sqlite',
  create: async () => ({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'opcon-contract-')), 'test.db') }),
  dropAll: async () => undefined,
};

function postgresDatabases(adminUrl: string): TestDatabase {
  const created: string[] = [];
  return {
    name: 'postgres',
    async create() {
      const name = `opcon_test_${process.pid}_${created.length}_${Math.floor(Math.random() * 1e9)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { kind: 'postgres', url: url.toString() };
    },
    async dropAll() {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Every database to run the contract against here. */
export function databasesUnderTest(): readonly TestDatabase[] {
  return PG_URL === undefined || PG_URL === '' ? [sqliteDatabases] : [sqliteDatabases, postgresDatabases(PG_URL)];
}
