/**
 * Migrations, written once for both databases. Where the dialects differ (auto-numbered keys,
 * append-only triggers) the migration asks which one it runs on. Versions are never edited once
 * released: a change is a new migration.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { appendAuditRow } from './audit.js';
import { INGEST_TABLES, TABLES } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

const LEDGER_TABLES = Object.values(TABLES);

async function appendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, 'append-only: ${table} rows are never ${op === 'UPDATE' ? 'updated' : 'deleted'}; add a record that supersedes instead'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION opcon_append_only()`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION opcon_append_only()`).execute(db);
}

function initial(dialect: Dialect): Migration {
  const key = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db) {
      if (dialect === 'postgres') {
        await sql
          .raw(
            `CREATE FUNCTION opcon_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ` +
              `RAISE EXCEPTION 'append-only: % rows are never updated or deleted; add a record that supersedes instead', TG_TABLE_NAME; END $$`,
          )
          .execute(db);
      }
      await db.schema
        .createTable('plans')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addUniqueConstraint('plans_id_version', ['id', 'version'])
        .execute();
      await db.schema
        .createTable('datasets')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      for (const table of LEDGER_TABLES) {
        let create = db.schema
          .createTable(table)
          .addColumn('seq', key, (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('supersedes', 'text')
          .addColumn('releasability', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('day', 'integer')
          .addColumn('body', 'text', (c) => c.notNull());
        if (table === 'assessments') create = create.addColumn('party', 'text', (c) => c.notNull()).addColumn('subject', 'text', (c) => c.notNull());
        if (table === 'statements') create = create.addColumn('source_id', 'text', (c) => c.notNull());
        await create.execute();
        // One successor per record: a second correction of the same version is a conflict.
        await db.schema.createIndex(`${table}_supersedes`).on(table).column('supersedes').unique().where(sql.ref('supersedes'), 'is not', null).execute();
        await db.schema.createIndex(`${table}_day`).on(table).columns(['day', 'recorded_at']).execute();
        await appendOnly(db, dialect, table);
      }
      // The as-of picture seeks the latest assessment per party and subject through this index.
      // Releasability is in the index too, so the seek can skip invisible rows without the table.
      await db.schema.createIndex('assessments_latest').on('assessments').columns(['party', 'subject', 'day', 'recorded_at', 'id', 'releasability']).execute();
      await db.schema.createIndex('statements_source').on('statements').column('source_id').execute();
      for (const table of ['plans', 'datasets']) await appendOnly(db, dialect, table);
    },
  };
}

/**
 * Ingestion: articles, the statements proposed from them, and review decisions. Review rows
 * name the row they follow, and that pair is unique, so two reviewers deciding the same
 * proposal at once cannot both win.
 */
function ingest(dialect: Dialect): Migration {
  const key = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db) {
      await db.schema
        .createTable('ingest_documents')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('url', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ingest_documents_url').on('ingest_documents').column('url').unique().where(sql.ref('url'), 'is not', null).execute();
      await db.schema
        .createTable('ingest_proposals')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ingest_proposals_document').on('ingest_proposals').column('document_id').execute();
      await db.schema
        .createTable('ingest_reviews')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('proposal_seq', 'integer', (c) => c.notNull())
        .addColumn('after_seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addUniqueConstraint('ingest_reviews_follow', ['proposal_seq', 'after_seq'])
        .execute();
      for (const table of INGEST_TABLES) await appendOnly(db, dialect, table);
    },
  };
}

/**
 * Accounts, sessions, API tokens and the audit log. Accounts change (a password is reset, a user
 * disabled), so those tables are ordinary; the audit log is append-only and a hash chain. Records
 * stored before the log began are covered by its first row, so that every record has one.
 */
function accounts(dialect: Dialect): Migration {
  const key = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db) {
      await db.schema
        .createTable('users')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_seq', 'integer', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('seq', key, (c) => c.primaryKey())
        .addColumn('user_seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await appendOnly(db, dialect, 'audit_log');
      const ids: string[] = [];
      for (const table of LEDGER_TABLES) {
        const rows = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} ORDER BY seq`.execute(db);
        for (const row of rows.rows) ids.push(row.id);
      }
      if (ids.length > 0) {
        const at = new Date().toISOString();
        await appendAuditRow(db, dialect, at, { actor: 'system', operation: 'audit.begin', beforeIds: [], afterIds: ids, detail: 'records stored before the audit log began' });
      }
    },
  };
}

/** The migrations for a dialect, by version name. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return { '0001_initial': initial(dialect), '0002_ingest': ingest(dialect), '0003_accounts': accounts(dialect) };
    },
  };
}
