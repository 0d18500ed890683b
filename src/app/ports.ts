/** The ports the app layer needs; store/ implements them, the CLI and server wire them up. */
import type { Result } from '../core/common/result.js';
import type { Role, TokenScope, UserParty } from '../core/access/roles.js';
import type { AuditRow } from '../core/audit/chain.js';
import type { DatasetManifest, Ledger, LedgerCollection, LedgerRecord } from '../core/ledger/schema.js';
import type { Plan } from '../core/plan/schema.js';
import type { Scope } from '../core/picture/scope.js';
import type { ExportDocument } from '../core/exchange/document.js';
import type { Assessment } from '../core/ledger/schema.js';
import type { IngestLexicon } from '../core/ingest/lexicon.js';
import type { BlockExecutor } from '../core/forecast/engine.js';
import type { ForecastModel } from '../core/forecast/model-schema.js';
import type { Proposal } from '../core/ingest/proposals.js';
import type { ReviewDecision, StoredReview } from '../core/ingest/review.js';

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
  /** The whole record. */
  load(): Promise<Result<LoadedDataset>>;
  /**
   * At least what an as-of picture in `scope` (and at the comparison dates `alsoAsOf`) needs:
   * a store may leave out what the picture cannot use, never what it can.
   */
  loadForPicture(scope: Scope, alsoAsOf: readonly string[]): Promise<Result<LoadedDataset>>;
}

/** A batch to append in one transaction. */
export interface WriteBatch {
  readonly plan?: Plan;
  readonly manifest?: DatasetManifest;
  readonly records: Readonly<Partial<Record<LedgerCollection, readonly LedgerRecord[]>>>;
  /** Stamp for plan and manifest rows (ISO timestamp). */
  readonly recordedAt: string;
  /** Review rows to append in the same transaction (an accept with the records it writes). */
  readonly reviews?: readonly NewReview[];
  /** Who writes and why: appended to the audit log in the same transaction (ids are added by the store). */
  readonly audit: AuditStamp;
}

/** The part of an audit entry the writer supplies; the store adds the ids it wrote and replaced. */
export interface AuditStamp {
  readonly actor: string;
  readonly operation: string;
  readonly detail?: string | null;
}

/** A review row to append: it must follow `afterSeq`, the proposal's latest row when it was read (0: none), or it is a conflict. */
export interface NewReview {
  readonly proposalId: number;
  readonly afterSeq: number;
  readonly decision: ReviewDecision;
}

export interface WriteSummary {
  readonly kind: 'write-summary';
  readonly inserted: Readonly<Record<LedgerCollection, number>>;
  /** Records already stored with identical content (skipped). */
  readonly unchanged: number;
  readonly isPlanInserted: boolean;
  readonly isManifestInserted: boolean;
}

export interface MigrationState {
  readonly kind: 'migration-state';
  readonly location: string;
  readonly dialect: 'sqlite' | 'postgres';
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  /** Rows per table. */
  readonly counts: Readonly<Record<string, number>>;
}

/** An article to store for review. */
export interface NewIngestDocument {
  readonly kind: 'new-ingest-document';
  readonly text: string;
  readonly file: string;
  readonly format: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
}

/** A stored article, less its text. */
export interface IngestDocumentInfo {
  readonly kind: 'ingest-document-info';
  readonly id: string;
  readonly contentHash: string;
  readonly file: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly recordedAt: string;
}

export interface AddedDocument {
  readonly kind: 'added-document';
  readonly document: IngestDocumentInfo;
  /** False when the article was stored already; then nothing was written. */
  readonly isNew: boolean;
  /** How a stored article was recognised. */
  readonly matchedBy: 'url' | 'content' | null;
  readonly proposalIds: readonly number[];
}

/** A stored proposal with its article and every review row. */
export interface StoredProposal {
  readonly kind: 'stored-proposal';
  readonly id: number;
  readonly document: IngestDocumentInfo;
  readonly proposal: Proposal;
  readonly reviews: readonly StoredReview[];
  readonly recordedAt: string;
}

/** Articles and their proposed statements awaiting review: append-only, like the record. */
export interface IngestQueue {
  /** Store an article and its proposals in one transaction; an article stored before (same URL or same text) writes nothing. */
  addDocument(doc: NewIngestDocument, proposals: readonly Proposal[], recordedAt: string, audit: AuditStamp): Promise<Result<AddedDocument>>;
  /** Proposals with their reviews, oldest first; only the ids given, when given. */
  proposals(filter: { readonly ids?: readonly number[] }): Promise<Result<readonly StoredProposal[]>>;
  /** The text of a stored article. */
  documentText(id: string): Promise<Result<string>>;
}

/** The database behind the record: append-only, transactional, migratable. */
export interface LedgerDatabase extends RecordStore, IngestQueue, AccountStore, AuditReader {
  readonly location: string;
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<Result<MigrationState>>;
  status(): Promise<Result<MigrationState>>;
  /** Append a batch in one transaction: all or nothing; conflicts are listed, never overwritten. */
  write(batch: WriteBatch): Promise<Result<WriteSummary>>;
  /** Copy the whole database to a file (SQLite online backup; PostgreSQL: an export). */
  backup(file: string): Promise<Result<{ readonly file: string; readonly bytes: number }>>;
  /** Refresh the planner's statistics after a large write. */
  optimize(): Promise<void>;
  /** Replace an empty or SQLite database with a backup. */
  restore(file: string): Promise<Result<{ readonly file: string }>>;
  close(): Promise<void>;
}

/** Reading datasets kept as reviewed files (the built-in one, or a user's folder). */
export interface DatasetSource {
  readonly kind: 'dataset-source';
  readFolder(folder: string): Promise<Result<LoadedDataset>>;
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

/** What a file to import holds: a whole dataset, or assessments. */
export interface ImportPayload {
  readonly kind: 'import-payload';
  readonly document?: ExportDocument;
  readonly assessments?: readonly Assessment[];
}

/** Reading files to import, reporting every bad row with line, field and reason. */
export interface ImportReader {
  readonly kind: 'import-reader';
  read(file: string): Promise<Result<ImportPayload>>;
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
  /** The articles at a path: the file itself, or the visible files of a folder, sorted by name. */
  listInputs(path: string): Promise<Result<InputList>>;
}

export interface InputList {
  readonly kind: 'input-list';
  readonly isFolder: boolean;
  readonly files: readonly string[];
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
  /** What `done` and `planned` count. */
  readonly unit: 'iterations' | 'articles';
}

/** A user account as stored (the password hash never leaves the store's callers in the app layer). */
export interface StoredUser {
  readonly kind: 'user';
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  /** The party the user reads as; `all` for an administrator. */
  readonly party: UserParty | 'all';
  readonly passwordHash: string;
  readonly isDisabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewUser {
  readonly kind: 'new-user';
  readonly username: string;
  readonly role: Role;
  readonly party: UserParty | 'all';
  readonly passwordHash: string;
}

export interface StoredSession {
  readonly kind: 'session';
  readonly idHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface StoredToken {
  readonly kind: 'api-token';
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface NewToken {
  readonly kind: 'new-token';
  readonly userId: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly scopes: readonly TokenScope[];
  readonly expiresAt: string | null;
}

/** Accounts, sessions and API tokens; every change is audited in the same transaction. */
export interface AccountStore {
  countUsers(): Promise<number>;
  users(): Promise<readonly StoredUser[]>;
  userByName(username: string): Promise<StoredUser | undefined>;
  userById(id: number): Promise<StoredUser | undefined>;
  addUser(user: NewUser, at: string, audit: AuditStamp): Promise<Result<StoredUser>>;
  updateUser(username: string, change: { readonly isDisabled?: boolean; readonly passwordHash?: string }, at: string, audit: AuditStamp): Promise<Result<StoredUser>>;
  addSession(session: StoredSession, audit: AuditStamp): Promise<void>;
  session(idHash: string): Promise<StoredSession | undefined>;
  /** End a session (logout) or every session of a user (disable, password reset). */
  endSessions(match: { readonly idHash?: string; readonly userId?: number }, at: string, audit: AuditStamp): Promise<void>;
  addToken(token: NewToken, at: string, audit: AuditStamp): Promise<StoredToken>;
  tokens(userId?: number): Promise<readonly StoredToken[]>;
  tokenByHash(tokenHash: string): Promise<StoredToken | undefined>;
  revokeToken(id: number, at: string, audit: AuditStamp): Promise<Result<StoredToken>>;
}

/** Reading the audit log and what it must cover. */
export interface AuditReader {
  auditRows(): Promise<readonly AuditRow[]>;
  /** Ids of every ledger record (each must appear in an audit row). */
  ledgerIds(): Promise<readonly string[]>;
  /** The last row's seq and hash: changes on every write, so it versions caches too. */
  auditHead(): Promise<{ readonly seq: number; readonly hash: string }>;
}

/** Hashing and secrets: passwords (scrypt), token digests (SHA-256) and random tokens. */
export interface Secrets {
  readonly kind: 'secrets';
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** A random URL-safe token of this many bytes of entropy. */
  randomToken(bytes: number): string;
  digest(text: string): string;
}

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface PdfOptions {
  readonly paper: PaperSize;
  /** Printed at the top of every page (the as-of date and the releasability marking). */
  readonly headerText: string;
  /** Printed at the foot of every page, before "page N of M". */
  readonly footerText: string;
}

/** Prints a self-contained HTML page to PDF (a headless browser). */
export interface PdfRenderer {
  readonly kind: 'pdf-renderer';
  render(html: string, options: PdfOptions): Promise<Result<Uint8Array>>;
}
