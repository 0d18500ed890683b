/** The ports the app layer needs; store/ implements them, the CLI and server wire them up. */
import type { Result } from '../core/common/result.js';
import type { DatasetManifest, Ledger } from '../core/ledger/schema.js';
import type { Plan } from '../core/plan/schema.js';
import type { BlockExecutor } from '../core/forecast/engine.js';
import type { ForecastModel } from '../core/forecast/model-schema.js';

/** A dataset as read from storage: its manifest, plan and ledger. */
export interface LoadedDataset {
  readonly kind: 'loaded-dataset';
  readonly manifest: DatasetManifest;
  readonly plan: Plan;
  readonly ledger: Ledger;
  /** Where it came from, for messages (a folder or a database URL). */
  readonly location: string;
}

/** Read access to the plan and the record. */
export interface RecordStore {
  readonly kind: 'record-store';
  load(): Promise<Result<LoadedDataset>>;
}

/** Parsing and checking of a plan document supplied by a user. */
export interface PlanReader {
  readonly kind: 'plan-reader';
  read(path: string): Promise<Result<Plan>>;
}

/** The clock, passed in so that operations stay testable and reproducible. */
export interface Clock {
  readonly kind: 'clock';
  /** Today's date in UTC, YYYY-MM-DD. */
  today(): string;
  /** The current instant, ISO 8601 UTC. */
  now(): string;
}

/** Parsing and checking of a standalone forecast model file. */
export interface ModelReader {
  readonly kind: 'model-reader';
  read(path: string): Promise<Result<ForecastModel>>;
}

/** Where forecast blocks run: this thread (0 workers) or a pool of worker threads. */
export interface ForecastExecutors {
  readonly kind: 'forecast-executors';
  /** An executor with this many workers; undefined lets the machine decide. */
  executor(workers: number | undefined): BlockExecutor;
}

/** Progress of a long operation, for a progress bar. */
export interface ProgressEvent {
  readonly kind: 'progress';
  readonly label: string;
  /** This run's position among the runs of the operation (1-based) and their number. */
  readonly runIndex: number;
  readonly runCount: number;
  readonly done: number;
  readonly planned: number;
}
