/**
 * Review of proposed statements. Decisions are append-only: an edit is a new row over the
 * proposal's original, and the latest accept or reject decides. A decided proposal stays
 * decided — accepting, rejecting or editing it again is a conflict that names the decision —
 * because its statement is already in the record, where a correction is a superseding record.
 */
import { fail, ok, type Result } from '../common/result.js';
import type { Source, Statement } from '../ledger/schema.js';
import type { EvidenceFileSchema } from './lexicon.js';
import type { Proposal, ProposalFields } from './proposals.js';
import type { Stance } from './stances.js';
import type { z } from 'zod';

export type ReviewAction = 'accept' | 'reject' | 'edit';
export type ReviewStatus = 'pending' | 'accepted' | 'rejected';
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;

/** One review row, as stored. */
export interface ReviewDecision {
  readonly kind: 'review';
  readonly action: ReviewAction;
  readonly recordedAt: string;
  /** The fields an edit changes (only those given). */
  readonly edit?: Partial<ProposalFields>;
  readonly reason?: string;
  /** For an accept: the records it wrote. */
  readonly statementId?: string;
  readonly sourceId?: string;
}

export interface StoredReview {
  /** Order of the row among all review rows. */
  readonly seq: number;
  readonly decision: ReviewDecision;
}

export interface ReviewState {
  readonly kind: 'review-state';
  readonly status: ReviewStatus;
  /** The original fields with every edit applied in order. */
  readonly fields: ProposalFields;
  readonly isEdited: boolean;
  /** The accept or reject that decided it. */
  readonly decision: StoredReview | null;
  /** The latest review row, which a new one must follow (0: none yet). */
  readonly latestSeq: number;
}

/** The current state of a proposal from its review rows. */
export function reviewState(proposal: Proposal, reviews: readonly StoredReview[]): ReviewState {
  const ordered = [...reviews].sort((a, b) => a.seq - b.seq);
  let fields: ProposalFields = { text: proposal.text, speaker: proposal.speaker, role: proposal.role, side: proposal.side, stance: proposal.stance };
  let decision: StoredReview | null = null;
  for (const review of ordered) {
    if (review.decision.action === 'edit') fields = { ...fields, ...review.decision.edit };
    else decision = review;
  }
  const status: ReviewStatus = decision === null ? 'pending' : decision.decision.action === 'accept' ? 'accepted' : 'rejected';
  return { kind: 'review-state', status, fields, isEdited: ordered.some((r) => r.decision.action === 'edit'), decision, latestSeq: ordered.at(-1)?.seq ?? 0 };
}

/** A conflict when the proposal is already decided, naming the earlier decision. */
export function requirePending(proposalId: number, state: ReviewState, attempted: ReviewAction): Result<void> {
  const d = state.decision;
  if (d === null) return ok(undefined);
  const what = d.decision.action === 'accept' ? `accepted as statement ${d.decision.statementId ?? '?'}` : `rejected${d.decision.reason === undefined ? '' : ` (${d.decision.reason})`}`;
  return fail('conflict', `proposal ${proposalId} was already ${what} at ${d.decision.recordedAt}; ${attempted === 'edit' ? 'it cannot be edited any more' : `it cannot be ${attempted}ed again`}`, [
    { path: `proposal ${proposalId}`, message: `earlier decision: ${d.decision.action} (review ${d.seq})` },
  ]);
}

export type EvidenceMapping = z.output<typeof EvidenceFileSchema>;

/** The article a proposal comes from, as stored. */
export interface ReviewedDocument {
  readonly id: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  /** When the article was added: the source's `recordedAt`, so that accepting a second quote finds the same source. */
  readonly recordedAt: string;
  readonly text: string;
}

export interface AcceptChoices {
  readonly conditionIds?: readonly string[];
  readonly criterionIds: readonly string[];
  readonly stance?: Stance;
  readonly recordedAt: string;
  /** Reliability grades the record gives outlets, by lower-cased outlet name. */
  readonly outletGrades: ReadonlyMap<string, Source['reliability']>;
}

/** The source id of an article: one per document. */
export function sourceIdOf(documentId: string): string {
  return `ING-${documentId}`;
}

/** The source and statement an accepted proposal becomes. */
export function evidenceOf(proposal: Proposal, fields: ProposalFields, doc: ReviewedDocument, mapping: EvidenceMapping, choices: AcceptChoices): Result<{ readonly source: Source; readonly statement: Statement }> {
  const side = fields.side;
  if (side === 'unknown') return fail('invalid-input', `the speaker's side is unknown: set it first with "opcon ingest edit … --side ROK|US|combined|other"`, [], 'side');
  const outlet = doc.outlet ?? 'Unknown outlet';
  const source: Source = {
    kind: 'source',
    id: sourceIdOf(doc.id),
    releasability: 'PUBLIC',
    recordedAt: doc.recordedAt,
    outlet,
    title: doc.title,
    url: doc.url,
    published: doc.published,
    sourceKind: mapping.source.sourceKind,
    reliability: choices.outletGrades.get(outlet.toLowerCase()) ?? mapping.source.defaultReliability,
    language: 'en',
  };
  const mapped = (labels: readonly string[], table: Readonly<Record<string, string | undefined>>) => [...new Set(labels.flatMap((l) => (table[l] === undefined ? [] : [table[l]])))];
  const statement: Statement = {
    kind: 'statement',
    id: `${sourceIdOf(doc.id)}-q${proposal.index}`,
    releasability: 'PUBLIC',
    recordedAt: choices.recordedAt,
    sourceId: source.id,
    text: fields.text,
    // An edited text that no longer stands in the article is a paraphrase, and says so.
    isVerbatim: doc.text.includes(fields.text),
    speaker: fields.speaker,
    role: fields.role,
    side,
    stance: choices.stance ?? fields.stance,
    saidOn: doc.published,
    conditionIds: choices.conditionIds ?? mapped(proposal.conditions, mapping.conditions),
    criterionIds: [...choices.criterionIds],
    forumIds: mapped(proposal.forums, mapping.forums),
  };
  return ok({ source, statement });
}

/** The grade the record gives each outlet: that of its most recent source there. */
export function outletGrades(sources: readonly Source[]): Map<string, Source['reliability']> {
  const grades = new Map<string, { readonly at: string; readonly grade: Source['reliability'] }>();
  for (const s of sources) {
    const key = s.outlet.toLowerCase();
    const at = s.published ?? '';
    const seen = grades.get(key);
    if (seen === undefined || at >= seen.at) grades.set(key, { at, grade: s.reliability });
  }
  return new Map([...grades].map(([k, v]) => [k, v.grade]));
}
