/** The ports the app layer needs; store/ implements them, the CLI and server wire them up. */
import type { Result } from '../core/common/result.js';
import type { DatasetManifest, Ledger } from '../core/ledger/schema.js';
import type { Plan } from '../core/plan/schema.js';

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
