/**
 * One registry of operations: each has a name, a zod schema for its input and a function
 * over the ports. The CLI and the HTTP server call operations through `runOperation`, so
 * input is validated once, at the edge, the same way for both.
 */
import type { z } from 'zod';
import { isAllowed, type Access, type Actor } from '../core/access/roles.js';
import { narrowAudience, type Audience } from '../core/common/releasability.js';
import { fail, formatPath, ok, type Result } from '../core/common/result.js';
import type { AuditStamp, Clock, Secrets, DatasetSource, ForecastExecutors, ImportReader, IngestStore, LedgerDatabase, ModelReader, PdfRenderer, PlanReader, ProgressEvent, RecordStore } from './ports.js';

export interface Deps {
  /** Who is acting: every write is audited in their name, every read narrowed to what they may see. */
  readonly actor: Actor;
  /** Reads for pictures and lists (the database, loaded with the default dataset on first use). */
  readonly store: RecordStore;
  /** The database itself, opened once on demand; `isMigrating` brings its schema up to date. */
  readonly database: (options: { readonly isMigrating: boolean }) => Promise<Result<LedgerDatabase>>;
  readonly datasets: DatasetSource;
  readonly secrets: Secrets;
  readonly importReader: ImportReader;
  readonly planReader: PlanReader;
  readonly clock: Clock;
  /** The dataset folder loaded on first use and by `db seed` without a folder. */
  readonly defaultDatasetDir: string;
  /** Tell the user about something done on their behalf (e.g. a first-run seed). */
  readonly notify: (message: string) => void;
  readonly ingest: IngestStore;
  readonly modelReader: ModelReader;
  readonly forecast: ForecastExecutors;
  /** Prints reports to PDF. */
  readonly pdf: PdfRenderer;
  /** Told how long operations are getting on (a forecast, a folder of articles); optional. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Aborted when the caller cancels (a forecast run from the dashboard); long operations stop at their next step. */
  readonly signal?: AbortSignal;
}

export interface Operation<I extends z.ZodType, O> {
  readonly kind: 'operation';
  readonly name: string;
  readonly summary: string;
  /** What the actor needs to run it; `local` operations are for the command line only. */
  readonly access: Access;
  /** True when it appends to the record or the accounts (an HTTP POST). */
  readonly isWrite: boolean;
  readonly input: I;
  run(deps: Deps, input: z.output<I>): Promise<Result<O>>;
}

/** Declare an operation. */
export function defineOperation<I extends z.ZodType, O>(spec: Omit<Operation<I, O>, 'kind' | 'isWrite'> & { readonly isWrite?: boolean }): Operation<I, O> {
  return { kind: 'operation', isWrite: false, ...spec };
}

/** The audit stamp of a write made by an operation for the current actor. */
export function auditStamp(deps: Deps, operation: string, detail: string | null = null): AuditStamp {
  return { actor: `${deps.actor.name}${deps.actor.via === 'cli' ? '' : ` (${deps.actor.role}, ${deps.actor.via})`}`, operation, detail };
}

function hasAudience(value: unknown): value is { audience: Audience } {
  return typeof value === 'object' && value !== null && 'audience' in value;
}

/**
 * Check the actor may run the operation, validate raw input against its schema, narrow any
 * audience to what the actor may see, then run it. Every entry point goes through here, so no
 * caller can widen a reader's view by asking for a wider audience.
 */
export async function runOperation<I extends z.ZodType, O>(operation: Operation<I, O>, deps: Deps, raw: unknown): Promise<Result<O>> {
  const input = prepareInput(operation, deps, raw);
  return input.ok ? operation.run(deps, input.value) : input;
}

/** What runOperation checks before it runs: the actor's access, the input against the schema, the audience narrowed; the input it would run with. */
export function prepareInput<I extends z.ZodType, O>(operation: Operation<I, O>, deps: Deps, raw: unknown): Result<z.output<I>> {
  if (!isAllowed(deps.actor, operation.access)) {
    return fail(
      'forbidden',
      operation.access === 'local' ? `${operation.name} runs from the command line only` : `a ${deps.actor.role}${deps.actor.via === 'token' ? ` token (${deps.actor.scopes.join(', ')})` : ''} may not ${operation.summary.charAt(0).toLowerCase()}${operation.summary.slice(1)}`,
    );
  }
  const parsed = operation.input.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ message: issue.message, path: formatPath(issue.path) }));
    const first = problems[0];
    return fail('invalid-input', first ? `${first.path === '(root)' ? '' : `${first.path}: `}${first.message}` : 'invalid input', problems, first?.path);
  }
  return ok(hasAudience(parsed.data) ? { ...parsed.data, audience: narrowAudience(parsed.data.audience, deps.actor.audience) } : parsed.data);
}
