/**
 * Who may do what: the role table. Two allies' staffs share one system, so a role grants
 * permissions and, for assessors, the one party whose assessments it may write; what a user may
 * read is decided by their party (releasability), never by their role alone.
 */
import { z } from 'zod';
import { isVisibleTo, visibleMarkings, type Audience, type Releasability } from '../common/releasability.js';
import { fail, ok, type Result } from '../common/result.js';

export const ROLES = ['admin', 'rok-assessor', 'us-assessor', 'combined-assessor', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** Parties a user can belong to; admin reads everything. */
export const USER_PARTIES = ['ROK', 'US', 'combined', 'public'] as const;
export type UserParty = (typeof USER_PARTIES)[number];

export const PERMISSIONS = [
  /** Read the plan, pictures, lists and the record (filtered by releasability). */
  'read',
  /** Run forecasts. */
  'forecast',
  /** Append assessments (assessors: their own party's only). */
  'write-assessment',
  /** Append sources and statements; store and review ingested articles. */
  'write-evidence',
  /** Append gate records, decisions, escalations and events. */
  'write-record',
  /** Manage accounts and tokens. */
  'manage-users',
  /** Read and verify the audit log. */
  'audit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
/**
 * What an operation needs: a permission; `local`: only from the command line on the database's
 * own machine; `anyone`: no login needed (logging in itself).
 */
export type Access = Permission | 'local' | 'anyone';

export interface RoleSpec {
  readonly role: Role;
  readonly title: string;
  readonly permissions: readonly Permission[];
  /** The party whose assessments an assessor writes; null: any party (admin) or none. */
  readonly assessesParty: string | null;
  /** The party the role always reads as; null: the user's own party. */
  readonly fixedParty: UserParty | 'all' | null;
}

export const ROLE_TABLE: Readonly<Record<Role, RoleSpec>> = {
  admin: { role: 'admin', title: 'Administrator', permissions: PERMISSIONS, assessesParty: null, fixedParty: 'all' },
  'rok-assessor': { role: 'rok-assessor', title: 'ROK assessor', permissions: ['read', 'forecast', 'write-assessment'], assessesParty: 'ROK', fixedParty: 'ROK' },
  'us-assessor': { role: 'us-assessor', title: 'US assessor', permissions: ['read', 'forecast', 'write-assessment'], assessesParty: 'US', fixedParty: 'US' },
  'combined-assessor': {
    role: 'combined-assessor',
    title: 'Combined assessor',
    permissions: ['read', 'forecast', 'write-assessment', 'write-record'],
    assessesParty: 'combined',
    fixedParty: 'combined',
  },
  analyst: { role: 'analyst', title: 'Analyst (sources, statements, ingestion)', permissions: ['read', 'forecast', 'write-evidence'], assessesParty: null, fixedParty: null },
  viewer: { role: 'viewer', title: 'Viewer', permissions: ['read', 'forecast'], assessesParty: null, fixedParty: null },
};

/** Token scopes: a script's token may do no more than its scopes allow, and no more than its user. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
const READ_ONLY: readonly Permission[] = ['read', 'forecast'];

/** Who is acting: a user through a session or token, or the command line on the database's machine. */
export interface Actor {
  readonly kind: 'actor';
  readonly name: string;
  readonly role: Role;
  /** What the actor may read. */
  readonly audience: Audience;
  readonly via: 'cli' | 'session' | 'token';
  /** For tokens: the scopes granted. */
  readonly scopes: readonly TokenScope[];
}

/** The audience a user of this role and party reads as. */
export function audienceOf(role: Role, party: UserParty): Audience {
  return ROLE_TABLE[role].fixedParty ?? party;
}

/** The party a new user of this role belongs to when none is given (and whether the role fixes it). */
export function partyFor(role: Role, requested: UserParty | undefined): Result<UserParty | 'all'> {
  const fixed = ROLE_TABLE[role].fixedParty;
  if (fixed !== null) {
    if (requested !== undefined && requested !== fixed) return fail('invalid-input', `a ${role} reads as ${fixed}; --party ${requested} does not apply`, [], 'party');
    return ok(fixed);
  }
  return ok(requested ?? 'combined');
}

/** Who acts before logging in: may only log in. */
export const ANONYMOUS: Actor = { kind: 'actor', name: 'anonymous', role: 'viewer', audience: 'public', via: 'session', scopes: [] };

/** The actor for the command line: the database file is the user's own, so it may do everything. */
export function localActor(name: string): Actor {
  return { kind: 'actor', name, role: 'admin', audience: 'all', via: 'cli', scopes: ['read', 'write'] };
}

/** Whether the actor may use an operation that needs this access. */
export function isAllowed(actor: Actor, access: Access): boolean {
  if (access === 'anyone') return true;
  if (access === 'local') return actor.via === 'cli';
  if (!ROLE_TABLE[actor.role].permissions.includes(access)) return false;
  return actor.via !== 'token' || actor.scopes.includes('write') || READ_ONLY.includes(access);
}

/** What an actor may do, for a client to offer only that (the server still checks every request). */
export interface Grants {
  readonly kind: 'grants';
  readonly permissions: readonly Permission[];
  /** The party whose assessments the actor writes; null: any party (with write-assessment) or none. */
  readonly assessesParty: string | null;
  /** The markings the actor may put on a record: those it may read. */
  readonly markings: readonly Releasability[];
}

/** The grants of an actor, from the role table and its audience. */
export function grantsOf(actor: Actor): Grants {
  return { kind: 'grants', permissions: PERMISSIONS.filter((p) => isAllowed(actor, p)), assessesParty: ROLE_TABLE[actor.role].assessesParty, markings: visibleMarkings(actor.audience) };
}

/** An actor may only mark a record with a marking it may itself read. */
export function checkMarking(actor: Actor, marking: Releasability, path = 'releasability'): Result<void> {
  return isVisibleTo(marking, actor.audience)
    ? ok(undefined)
    : fail('forbidden', `a ${actor.role} reading as ${actor.audience} may not write ${marking} records`, [], path);
}

/** Assessors write their own party's assessments only. */
export function checkAssessedParty(actor: Actor, party: string): Result<void> {
  const own = ROLE_TABLE[actor.role].assessesParty;
  if (own === null || own === party) return ok(undefined);
  return fail('forbidden', `a ${actor.role} writes ${own} assessments only, not ${party}`, [], 'party');
}
