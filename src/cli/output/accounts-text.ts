/** Text output of the account, token and audit commands. */
import type { TokenView, UserView } from '../../app/operations/accounts.js';
import type { AuditVerification } from '../../app/operations/audit.js';
import type { AuditEntry } from '../../core/audit/chain.js';
import type { Style } from './style.js';

/** One line per user. */
export function usersText(users: readonly UserView[]): string {
  if (users.length === 0) return 'no users yet: "opcon serve" on 127.0.0.1 creates the admin, or "opcon user add NAME --role ROLE"\n';
  const width = Math.max(...users.map((u) => u.username.length));
  return users.map((u) => `${u.username.padEnd(width)}  ${u.role.padEnd(17)} reads as ${u.party.padEnd(8)} ${u.isDisabled ? 'DISABLED' : 'active'}  since ${u.createdAt.slice(0, 10)}`).join('\n') + '\n';
}

/** A user just added or given a new password; a generated password is shown once. */
export function userText(result: { readonly user: UserView; readonly generatedPassword: string | null }, what: string): string {
  const u = result.user;
  const lines = [`${what} ${u.username}: ${u.roleTitle}, reads as ${u.party}.`];
  if (result.generatedPassword !== null) lines.push(`password (shown once, store it now): ${result.generatedPassword}`);
  return `${lines.join('\n')}\n`;
}

/** One line per token. */
export function tokensText(tokens: readonly TokenView[]): string {
  if (tokens.length === 0) return 'no API tokens\n';
  return tokens.map((t) => `${String(t.id).padStart(4)}  ${t.username}  ${t.name}  [${t.scopes.join(', ')}]  created ${t.createdAt.slice(0, 10)}${t.expiresAt === null ? '' : `, expires ${t.expiresAt.slice(0, 10)}`}${t.revokedAt === null ? '' : `, REVOKED ${t.revokedAt.slice(0, 10)}`}`).join('\n') + '\n';
}

/** The verdict of a chain verification. */
export function auditVerifyText(v: AuditVerification, style: Style): string {
  const head = `head ${v.head.seq}:${v.head.hash}`;
  const expected = v.isExpectedHeadFound === null ? '' : v.isExpectedHeadFound ? '\nthe expected head is in the chain, unchanged' : `\n${style.paint('the expected head is NOT in the chain: rows were removed or rewritten', 'red')}`;
  if (v.problems.length === 0 && v.isExpectedHeadFound !== false) return `${style.paint('audit log intact', 'green')}: ${v.rows} rows, every stored record audited\n${head} (note it: "opcon audit verify --expect-head" proves later that nothing after it was cut)${expected}\n`;
  const lines = v.problems.map((p) => `  ${style.paint(p.problem.toUpperCase(), 'red')} row ${p.seq}: ${p.message}`);
  return `${style.paint(`audit log BROKEN: ${v.problems.length} problem(s)`, 'red')} in ${v.rows} rows\n${lines.join('\n')}\n${head}${expected}\n`;
}

/** Recent entries, newest first. */
export function auditListText(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${String(e.seq).padStart(6)}  ${e.at}  ${e.actor}  ${e.operation}${e.detail === null ? '' : ` (${e.detail})`}  +${e.afterIds.length}${e.beforeIds.length > 0 ? ` −${e.beforeIds.length}` : ''}`).join('\n') + '\n';
}
