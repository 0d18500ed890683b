/** Accounts and API tokens: add, list, disable, reset a password; create, list and revoke tokens. */
import { z } from 'zod';
import { partyFor, RoleSchema, ROLE_TABLE, TOKEN_SCOPES, USER_PARTIES, type Role, type TokenScope, type UserParty } from '../../core/access/roles.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import { addDays } from '../../core/common/dates.js';
import { auditStamp, defineOperation, type Deps } from '../operation.js';
import type { LedgerDatabase, StoredToken, StoredUser } from '../ports.js';

/** A user as shown: never the password hash. */
export interface UserView {
  readonly kind: 'user-view';
  readonly username: string;
  readonly role: Role;
  readonly roleTitle: string;
  readonly party: UserParty | 'all';
  readonly isDisabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TokenView {
  readonly kind: 'token-view';
  readonly id: number;
  readonly username: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** Generated passwords: 18 random bytes, 24 URL-safe characters. */
const PASSWORD_BYTES = 18;
export const MIN_PASSWORD_LENGTH = 12;

export const UsernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'a username is 2–64 lower-case letters, digits, ".", "_" or "-"' });
const PasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, { message: `a password has at least ${MIN_PASSWORD_LENGTH} characters` }).max(1024);

/** The user as shown. */
export function viewOfUser(user: StoredUser): UserView {
  return { kind: 'user-view', username: user.username, role: user.role, roleTitle: ROLE_TABLE[user.role].title, party: user.party, isDisabled: user.isDisabled, createdAt: user.createdAt, updatedAt: user.updatedAt };
}

function viewOfToken(token: StoredToken, users: ReadonlyMap<number, string>): TokenView {
  return { kind: 'token-view', id: token.id, username: users.get(token.userId) ?? `#${token.userId}`, name: token.name, scopes: token.scopes, createdAt: token.createdAt, expiresAt: token.expiresAt, revokedAt: token.revokedAt };
}

/** The database with its schema up to date (accounts live beside the record). */
export async function accountsDb(deps: Deps): Promise<Result<LedgerDatabase>> {
  return deps.database({ isMigrating: true });
}

/** Create a user; a password is generated when none is given. */
export async function createUser(
  deps: Deps,
  db: LedgerDatabase,
  input: { readonly username: string; readonly role: Role; readonly party?: UserParty | undefined; readonly password?: string | undefined },
  operation: string,
): Promise<Result<{ readonly user: UserView; readonly generatedPassword: string | null }>> {
  const party = partyFor(input.role, input.party);
  if (!party.ok) return party;
  const password = input.password ?? deps.secrets.randomToken(PASSWORD_BYTES);
  const passwordHash = await deps.secrets.hashPassword(password);
  const added = await db.addUser({ kind: 'new-user', username: input.username, role: input.role, party: party.value, passwordHash }, deps.clock.now(), auditStamp(deps, operation));
  if (!added.ok) return added;
  return ok({ user: viewOfUser(added.value), generatedPassword: input.password === undefined ? password : null });
}

export const userAddOperation = defineOperation({
  name: 'user.add',
  summary: 'Add a user with a role (and, for analysts and viewers, the party they read as)',
  access: 'manage-users',
  isWrite: true,
  input: z.strictObject({
    username: UsernameSchema,
    role: RoleSchema,
    party: z.enum(USER_PARTIES).optional(),
    /** Leave out to have one generated and shown once. */
    password: PasswordSchema.optional(),
  }),
  async run(deps, input) {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    return createUser(deps, db.value, input, 'user.add');
  },
});

export const userListOperation = defineOperation({
  name: 'user.list',
  summary: 'List users, their roles and parties',
  access: 'manage-users',
  input: z.strictObject({}),
  async run(deps): Promise<Result<readonly UserView[]>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    return ok((await db.value.users()).map(viewOfUser));
  },
});

export const userDisableOperation = defineOperation({
  name: 'user.disable',
  summary: 'Disable a user (their sessions end at once; tokens stop working)',
  access: 'manage-users',
  isWrite: true,
  input: z.strictObject({ username: UsernameSchema, isDisabled: z.boolean().default(true) }),
  async run(deps, input): Promise<Result<UserView>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    if (input.isDisabled && input.username === deps.actor.name) return fail('invalid-input', 'you cannot disable your own account', [], 'username');
    const updated = await db.value.updateUser(input.username, { isDisabled: input.isDisabled }, deps.clock.now(), auditStamp(deps, input.isDisabled ? 'user.disable' : 'user.enable'));
    return updated.ok ? ok(viewOfUser(updated.value)) : updated;
  },
});

export const userResetPasswordOperation = defineOperation({
  name: 'user.resetPassword',
  summary: "Set a new password for a user (generated unless given); the user's sessions end",
  access: 'manage-users',
  isWrite: true,
  input: z.strictObject({ username: UsernameSchema, password: PasswordSchema.optional() }),
  async run(deps, input): Promise<Result<{ readonly user: UserView; readonly generatedPassword: string | null }>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    const password = input.password ?? deps.secrets.randomToken(PASSWORD_BYTES);
    const updated = await db.value.updateUser(input.username, { passwordHash: await deps.secrets.hashPassword(password) }, deps.clock.now(), auditStamp(deps, 'user.reset-password'));
    return updated.ok ? ok({ user: viewOfUser(updated.value), generatedPassword: input.password === undefined ? password : null }) : updated;
  },
});

/** Whose tokens an actor may manage: their own, or anyone's with manage-users. */
async function tokenOwner(deps: Deps, db: LedgerDatabase, username: string | undefined): Promise<Result<StoredUser>> {
  const name = username ?? deps.actor.name;
  const isOwn = name === deps.actor.name;
  if (!isOwn && !ROLE_TABLE[deps.actor.role].permissions.includes('manage-users')) return fail('forbidden', `only an admin manages another user's tokens`, [], 'username');
  if (deps.actor.via === 'token') return fail('forbidden', 'tokens are managed by a logged-in user, not by another token');
  const user = await db.userByName(name);
  if (user === undefined) return fail('not-found', deps.actor.via === 'cli' && username === undefined ? 'name the user: --user NAME' : `no user "${name}"`, [], 'username');
  return ok(user);
}

export const tokenCreateOperation = defineOperation({
  name: 'token.create',
  summary: 'Create an API token for scripts (shown once; stored only as a hash)',
  access: 'read',
  isWrite: true,
  input: z.strictObject({
    username: UsernameSchema.optional(),
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(['read']),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  }),
  async run(deps, input): Promise<Result<{ readonly token: TokenView; readonly secret: string }>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    const owner = await tokenOwner(deps, db.value, input.username);
    if (!owner.ok) return owner;
    const secret = `opc_${deps.secrets.randomToken(32)}`;
    const expiresAt = input.expiresInDays === undefined ? null : `${addDays(deps.clock.today(), input.expiresInDays)}T23:59:59.999Z`;
    const stored = await db.value.addToken(
      { kind: 'new-token', userId: owner.value.id, name: input.name, tokenHash: deps.secrets.digest(secret), scopes: [...new Set(input.scopes)], expiresAt },
      deps.clock.now(),
      auditStamp(deps, 'token.create'),
    );
    return ok({ token: viewOfToken(stored, new Map([[owner.value.id, owner.value.username]])), secret });
  },
});

export const tokenListOperation = defineOperation({
  name: 'token.list',
  summary: 'List API tokens (yours; an admin sees every user’s)',
  access: 'read',
  input: z.strictObject({}),
  async run(deps): Promise<Result<readonly TokenView[]>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    const users = await db.value.users();
    const names = new Map(users.map((u) => [u.id, u.username]));
    const isAdmin = ROLE_TABLE[deps.actor.role].permissions.includes('manage-users');
    const own = users.find((u) => u.username === deps.actor.name);
    const tokens = await db.value.tokens(isAdmin ? undefined : (own?.id ?? -1));
    return ok(tokens.map((t) => viewOfToken(t, names)));
  },
});

export const tokenRevokeOperation = defineOperation({
  name: 'token.revoke',
  summary: 'Revoke an API token',
  access: 'read',
  isWrite: true,
  input: z.strictObject({ id: z.coerce.number().int().min(1) }),
  async run(deps, input): Promise<Result<TokenView>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    const users = await db.value.users();
    const names = new Map(users.map((u) => [u.id, u.username]));
    const token = (await db.value.tokens()).find((t) => t.id === input.id);
    if (token === undefined) return fail('not-found', `no token ${input.id}`, [], 'id');
    const owner = await tokenOwner(deps, db.value, names.get(token.userId));
    if (!owner.ok) return owner;
    const revoked = await db.value.revokeToken(input.id, deps.clock.now(), auditStamp(deps, 'token.revoke'));
    return revoked.ok ? ok(viewOfToken(revoked.value, names)) : revoked;
  },
});
