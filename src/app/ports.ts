/** The ports the app layer needs; store/ implements them, the CLI and server wire them up. */
import type { Result } from '../core/common/result.js';
import type { DatasetManifest, Ledger } from '../core/ledger/schema.js';
import type { Plan } from '../core/plan/schema.js';
import type { IngestLexicon } from '../core/ingest/lexicon.js';

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

/** The first bytes of an input (a file, or standard input for "-"), with its full size. */
export interface InputBytes {
  readonly kind: 'input-bytes';
  readonly name: string;
  /** At most the limit asked for, plus one byte, so that an oversized input is seen without reading all of it. */
  readonly bytes: Uint8Array;
  readonly totalBytes: number;
}

/** A labelled document file as read: its parsed JSON, and the text its `textFile` names, if any. */
export interface LabelledFile {
  readonly kind: 'labelled-file';
  readonly name: string;
  readonly json: unknown;
  readonly textFromFile: string | null;
}

/** What ingestion reads: the lexicon, the article to extract from, and folders of labelled documents. */
export interface IngestStore {
  readonly kind: 'ingest-store';
  lexicon(): Promise<Result<IngestLexicon>>;
  readInput(path: string, maxBytes: number): Promise<Result<InputBytes>>;
  readLabelled(folder: string): Promise<Result<readonly LabelledFile[]>>;
}
