/** Database locations: `sqlite:PATH` (the default, embedded) or `postgres://…` (for teams). */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fail, ok, type Result } from '../../core/common/result.js';

export type DbLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/** Parse a `--db` value. A bare path is taken as a SQLite file. */
export function parseDbUrl(value: string): Result<DbLocation> {
  const text = value.trim();
  if (text === '') return fail('invalid-input', '--db is empty: use sqlite:PATH or postgres://USER@HOST:PORT/DB', [], 'db');
  if (/^postgres(ql)?:\/\//.test(text)) {
    try {
      new URL(text);
    } catch {
      return fail('invalid-input', `--db ${text} is not a valid PostgreSQL URL`, [], 'db');
    }
    return ok({ kind: 'postgres', url: text });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return fail('invalid-input', `--db ${text}: unsupported database (use sqlite:PATH or postgres://…)`, [], 'db');
  }
  const path = text.startsWith('sqlite:') ? text.slice('sqlite:'.length) : text;
  if (path === '') return fail('invalid-input', '--db sqlite: needs a file path, e.g. sqlite:./opcon.db', [], 'db');
  return ok({ kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) });
}

/** The default database: a SQLite file in the user's data directory. */
export function defaultDbPath(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_DATA_HOME'] && env['XDG_DATA_HOME'] !== '' ? env['XDG_DATA_HOME'] : join(homedir(), '.local', 'share');
  return join(base, 'opcon-transition-monitor', 'opcon.db');
}

/** A location for messages, without a password. */
export function describeLocation(location: DbLocation): string {
  if (location.kind === 'sqlite') return `sqlite:${location.path}`;
  const url = new URL(location.url);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
