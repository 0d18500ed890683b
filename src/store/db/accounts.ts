/** Accounts, sessions and API tokens over the database; every change writes its audit row in the same transaction. */
import { fail, ok, type Result } from '../../core/common/result.js';
import type { Role, TokenScope, UserParty } from '../../core/access/roles.js';
import type { AccountStore, AuditReader, StoredSession, StoredToken, StoredUser } from '../../app/ports.js';
import { appendAuditRow, auditHead, readAuditRows } from './audit.js';
import type { Connection } from './connect.js';
import { COLLECTIONS, TABLES, type SessionRow, type TokenRow, type UserRow } from './tables.js';
import { inWriteTransaction } from './write.js';

function userOf(row: UserRow & { seq: number }): StoredUser {
  return {
    kind: 'user',
    id: Number(row.seq),
    username: row.username,
    role: row.role as Role,
    party: row.party as UserParty | 'all',
    passwordHash: row.password_hash,
    isDisabled: Number(row.is_disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function sessionOf(row: SessionRow): StoredSession {
  return { kind: 'session', idHash: row.id_hash, userId: Number(row.user_seq), csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at };
}

function tokenOf(row: TokenRow & { seq: number }): StoredToken {
  return {
    kind: 'api-token',
    id: Number(row.seq),
    userId: Number(row.user_seq),
    name: row.name,
    tokenHash: row.token_hash,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * The audit head is read on every cached API request, so on SQLite it is one prepared statement
 * on the raw handle rather than a query built and prepared anew.
 */
function headReader(conn: Connection): () => Promise<{ readonly seq: number; readonly hash: string }> {
  if (conn.sqlite === undefined) return () => auditHead(conn.db);
  let statement: { get(): unknown } | undefined;
  return async () => {
    statement ??= conn.sqlite!.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const row = statement.get() as { seq: number; hash: string } | undefined;
    return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? '0'.repeat(64) };
  };
}

/** The `AccountStore` and `AuditReader` ports over a connection. */
export function accountStore(conn: Connection): AccountStore & AuditReader {
  const db = conn.db;
  const userRow = (username: string) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return {
    async countUsers() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async users() {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
      return rows.map((r) => userOf(r as UserRow & { seq: number }));
    },
    async userByName(username) {
      const row = await userRow(username);
      return row === undefined ? undefined : userOf(row as UserRow & { seq: number });
    },
    async userById(id) {
      const row = await db.selectFrom('users').selectAll().where('seq', '=', id).executeTakeFirst();
      return row === undefined ? undefined : userOf(row as UserRow & { seq: number });
    },
    async addUser(user, at, audit) {
      return inWriteTransaction(conn, async (trx) => {
        const existing = await trx.selectFrom('users').select('seq').where('username', '=', user.username).executeTakeFirst();
        if (existing !== undefined) return fail<StoredUser>('conflict', `user "${user.username}" exists already`, [], 'username');
        const inserted = await trx
          .insertInto('users')
          .values({ username: user.username, role: user.role, party: user.party, password_hash: user.passwordHash, is_disabled: 0, created_at: at, updated_at: at })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAuditRow(trx, conn.dialect, at, { ...audit, detail: audit.detail ?? `${user.role} reading as ${user.party}`, beforeIds: [], afterIds: [`user:${user.username}`] });
        return ok(userOf(inserted as UserRow & { seq: number }));
      });
    },
    async updateUser(username, change, at, audit): Promise<Result<StoredUser>> {
      return inWriteTransaction(conn, async (trx) => {
        const found = await trx.selectFrom('users').select('seq').where('username', '=', username).executeTakeFirst();
        if (found === undefined) return fail<StoredUser>('not-found', `no user "${username}" ("opcon user list" shows them)`, [], 'username');
        const updated = await trx
          .updateTable('users')
          .set({
            updated_at: at,
            ...(change.isDisabled === undefined ? {} : { is_disabled: change.isDisabled ? 1 : 0 }),
            ...(change.passwordHash === undefined ? {} : { password_hash: change.passwordHash }),
          })
          .where('seq', '=', found.seq)
          .returningAll()
          .executeTakeFirstOrThrow();
        // A disabled user or a changed password ends every session at once.
        await trx.deleteFrom('sessions').where('user_seq', '=', Number(found.seq)).execute();
        await appendAuditRow(trx, conn.dialect, at, { ...audit, detail: audit.detail ?? null, beforeIds: [`user:${username}`], afterIds: [`user:${username}`] });
        return ok(userOf(updated as UserRow & { seq: number }));
      });
    },
    async addSession(session, audit) {
      await inWriteTransaction(conn, async (trx) => {
        await trx.insertInto('sessions').values({ id_hash: session.idHash, user_seq: session.userId, csrf_token: session.csrfToken, created_at: session.createdAt, expires_at: session.expiresAt }).execute();
        await appendAuditRow(trx, conn.dialect, session.createdAt, { ...audit, detail: audit.detail ?? null, beforeIds: [], afterIds: [`session:${session.idHash.slice(0, 12)}`] });
      });
    },
    async session(idHash) {
      const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return row === undefined ? undefined : sessionOf(row);
    },
    async endSessions(match, at, audit) {
      await inWriteTransaction(conn, async (trx) => {
        let query = trx.deleteFrom('sessions');
        if (match.idHash !== undefined) query = query.where('id_hash', '=', match.idHash);
        if (match.userId !== undefined) query = query.where('user_seq', '=', match.userId);
        const ended = await query.returning('id_hash').execute();
        if (ended.length === 0) return;
        await appendAuditRow(trx, conn.dialect, at, { ...audit, detail: audit.detail ?? null, beforeIds: ended.map((r) => `session:${r.id_hash.slice(0, 12)}`), afterIds: [] });
      });
    },
    async addToken(token, at, audit) {
      return inWriteTransaction(conn, async (trx) => {
        const row = await trx
          .insertInto('api_tokens')
          .values({ user_seq: token.userId, name: token.name, token_hash: token.tokenHash, scopes: JSON.stringify(token.scopes), created_at: at, expires_at: token.expiresAt, revoked_at: null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAuditRow(trx, conn.dialect, at, { ...audit, detail: audit.detail ?? `${token.name} (${token.scopes.join(', ')})`, beforeIds: [], afterIds: [`token:${Number(row.seq)}`] });
        return tokenOf(row as TokenRow & { seq: number });
      });
    },
    async tokens(userId) {
      let query = db.selectFrom('api_tokens').selectAll().orderBy('seq');
      if (userId !== undefined) query = query.where('user_seq', '=', userId);
      return (await query.execute()).map((r) => tokenOf(r as TokenRow & { seq: number }));
    },
    async tokenByHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row === undefined ? undefined : tokenOf(row as TokenRow & { seq: number });
    },
    async revokeToken(id, at, audit) {
      return inWriteTransaction(conn, async (trx) => {
        const row = await trx.updateTable('api_tokens').set({ revoked_at: at }).where('seq', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
        if (row === undefined) return fail<StoredToken>('not-found', `no active token ${id} ("opcon token list" shows them)`, [], 'id');
        await appendAuditRow(trx, conn.dialect, at, { ...audit, detail: audit.detail ?? null, beforeIds: [`token:${id}`], afterIds: [] });
        return ok(tokenOf(row as TokenRow & { seq: number }));
      });
    },
    auditRows: () => readAuditRows(db),
    auditHead: headReader(conn),
    async ledgerIds() {
      const ids: string[] = [];
      for (const collection of COLLECTIONS) {
        const rows = await db.selectFrom(TABLES[collection]).select('id').orderBy('seq').execute();
        for (const row of rows) ids.push(row.id);
      }
      return ids;
    },
  };
}
