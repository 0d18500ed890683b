/** Typed results for expected failures; exceptions are reserved for bugs. */

export type FailureCode =
  | 'invalid-input'
  | 'invalid-plan'
  | 'invalid-dataset'
  | 'not-found'
  | 'unreadable'
  | 'conflict'
  | 'forbidden'
  /** No valid session or token: log in first (server). */
  | 'unauthenticated'
  /** A tool the operation needs is not installed (e.g. Chromium for PDF). */
  | 'unavailable'
  /** The caller cancelled a long operation. */
  | 'cancelled'
  | 'future-date';

/** One problem, located as precisely as the input allows. */
export interface Problem {
  readonly message: string;
  /** Path inside the document, e.g. `criteria[3].weights.ROK`. */
  readonly path: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Failure {
  readonly kind: 'failure';
  readonly code: FailureCode;
  readonly message: string;
  readonly path?: string;
  readonly problems: readonly Problem[];
  /** On a conflict: the newer record that the caller did not know about. */
  readonly current?: unknown;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result with an optional list of located problems. */
export function fail<T = never>(
  code: FailureCode,
  message: string,
  problems: readonly Problem[] = [],
  path?: string,
): Result<T> {
  return { ok: false, error: { kind: 'failure', code, message, problems, ...(path === undefined ? {} : { path }) } };
}

/** Render a document path from zod-style segments: `criteria[3].weights.ROK`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}
