/**
 * One registry of operations: each has a name, a zod schema for its input and a function
 * over the ports. The CLI and the HTTP server call operations through `runOperation`, so
 * input is validated once, at the edge, the same way for both.
 */
import type { z } from 'zod';
import { fail, formatPath, type Result } from '../core/common/result.js';
import type { Clock, DatasetSource, ForecastExecutors, ImportReader, IngestStore, LedgerDatabase, ModelReader, PlanReader, ProgressEvent, RecordStore } from './ports.js';

export interface Deps {
  /** Reads for pictures and lists (the database, loaded with the default dataset on first use). */
  readonly store: RecordStore;
  /** The database itself, opened once on demand; `isMigrating` brings its schema up to date. */
  readonly database: (options: { readonly isMigrating: boolean }) => Promise<Result<LedgerDatabase>>;
  readonly datasets: DatasetSource;
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
  /** Told how long operations are getting on (a forecast, a folder of articles); optional. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface Operation<I extends z.ZodType, O> {
  readonly kind: 'operation';
  readonly name: string;
  readonly summary: string;
  readonly input: I;
  run(deps: Deps, input: z.output<I>): Promise<Result<O>>;
}

/** Declare an operation. */
export function defineOperation<I extends z.ZodType, O>(spec: Omit<Operation<I, O>, 'kind'>): Operation<I, O> {
  return { kind: 'operation', ...spec };
}

/** Validate raw input against the operation's schema, then run it. */
export async function runOperation<I extends z.ZodType, O>(operation: Operation<I, O>, deps: Deps, raw: unknown): Promise<Result<O>> {
  const parsed = operation.input.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ message: issue.message, path: formatPath(issue.path) }));
    const first = problems[0];
    return fail('invalid-input', first ? `${first.path === '(root)' ? '' : `${first.path}: `}${first.message}` : 'invalid input', problems, first?.path);
  }
  return operation.run(deps, parsed.data);
}
