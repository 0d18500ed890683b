/**
 * Review of proposed statements: list, edit, reject, and accept — which writes the article's
 * source (once) and the statement into the record, with the review row, in one transaction.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/common/result.js';
import { PROPOSAL_SIDES, type Proposal, type ProposalFields } from '../../core/ingest/proposals.js';
import { evidenceOf, outletGrades, requirePending, reviewState, REVIEW_STATUSES, type ReviewState, type StoredReview } from '../../core/ingest/review.js';
import { STANCES, type Source, type Statement } from '../../core/ledger/schema.js';
import { auditStamp, defineOperation, type Deps } from '../operation.js';
import type { IngestDocumentInfo, LedgerDatabase, StoredProposal } from '../ports.js';
import { requireKnownId } from './filters.js';

export interface ReviewItem {
  readonly kind: 'ingest-review-item';
  readonly id: number;
  readonly status: ReviewState['status'];
  readonly fields: ProposalFields;
  readonly isEdited: boolean;
  readonly decision: StoredReview | null;
  readonly proposal: Proposal;
  readonly document: IngestDocumentInfo;
}

export interface AcceptReport {
  readonly kind: 'ingest-accepted';
  readonly id: number;
  readonly source: Source;
  readonly statement: Statement;
  readonly isSourceNew: boolean;
}

export interface ReviewReport {
  readonly kind: 'ingest-reviewed';
  readonly id: number;
  readonly item: ReviewItem;
}

const ProposalId = z.coerce.number({ message: 'expected a proposal id (a number from "opcon ingest list")' }).int().positive();

function itemOf(stored: StoredProposal): ReviewItem {
  const state = reviewState(stored.proposal, stored.reviews);
  return { kind: 'ingest-review-item', id: stored.id, status: state.status, fields: state.fields, isEdited: state.isEdited, decision: state.decision, proposal: stored.proposal, document: stored.document };
}

async function findProposal(deps: Deps, id: number): Promise<Result<{ readonly db: LedgerDatabase; readonly stored: StoredProposal }>> {
  const db = await deps.database({ isMigrating: true });
  if (!db.ok) return db;
  const found = await db.value.proposals({ ids: [id] });
  if (!found.ok) return found;
  const stored = found.value[0];
  if (stored === undefined) return fail('not-found', `no proposal ${id}: "opcon ingest list" shows the proposals`, [], 'id');
  return ok({ db: db.value, stored });
}

/** Append one review row and return the proposal as it now stands. */
async function appendReview(deps: Deps, db: LedgerDatabase, stored: StoredProposal, afterSeq: number, decision: StoredReview['decision']): Promise<Result<ReviewReport>> {
  const written = await db.write({ records: {}, recordedAt: decision.recordedAt, reviews: [{ proposalId: stored.id, afterSeq, decision }], audit: auditStamp(deps, `ingest.${decision.action}`, `proposal ${stored.id}`) });
  if (!written.ok) return written;
  const again = await findProposal(deps, stored.id);
  return again.ok ? ok({ kind: 'ingest-reviewed', id: stored.id, item: itemOf(again.value.stored) }) : again;
}

export const ingestListOperation = defineOperation({
  name: 'ingest.list',
  access: 'write-evidence',
  summary: 'Proposed statements awaiting review (or accepted or rejected), with the sentence around them and their extracted fields',
  input: z.strictObject({ status: z.enum(REVIEW_STATUSES).optional() }),
  async run(deps, input): Promise<Result<readonly ReviewItem[]>> {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const all = await db.value.proposals({});
    if (!all.ok) return all;
    return ok(all.value.map(itemOf).filter((item) => input.status === undefined || item.status === input.status));
  },
});

export const ingestEditOperation = defineOperation({
  name: 'ingest.edit',
  access: 'write-evidence',
  isWrite: true,
  summary: "Correct a proposal's text, speaker, role, side or stance (a new review row; the original is kept)",
  input: z
    .strictObject({
      id: ProposalId,
      text: z.string().trim().min(1, 'text: must not be empty').optional(),
      speaker: z.string().trim().min(1).optional(),
      role: z.string().trim().min(1).optional(),
      side: z.enum(PROPOSAL_SIDES.filter((s) => s !== 'unknown') as ['ROK', 'US', 'combined', 'other']).optional(),
      stance: z.enum(STANCES).optional(),
    })
    .refine((e) => [e.text, e.speaker, e.role, e.side, e.stance].some((v) => v !== undefined), { message: 'nothing to edit: give --text, --speaker, --role, --side or --stance' }),
  async run(deps, input): Promise<Result<ReviewReport>> {
    const found = await findProposal(deps, input.id);
    if (!found.ok) return found;
    const { db, stored } = found.value;
    const state = reviewState(stored.proposal, stored.reviews);
    const pending = requirePending(stored.id, state, 'edit');
    if (!pending.ok) return pending;
    const { id: _id, ...edit } = input;
    const changes = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) as Partial<ProposalFields>;
    return appendReview(deps, db, stored, state.latestSeq, { kind: 'review', action: 'edit', recordedAt: deps.clock.now(), edit: changes });
  },
});

export const ingestRejectOperation = defineOperation({
  name: 'ingest.reject',
  access: 'write-evidence',
  isWrite: true,
  summary: 'Reject a proposal: it never enters the record',
  input: z.strictObject({ id: ProposalId, reason: z.string().trim().min(1).optional() }),
  async run(deps, input): Promise<Result<ReviewReport>> {
    const found = await findProposal(deps, input.id);
    if (!found.ok) return found;
    const { db, stored } = found.value;
    const state = reviewState(stored.proposal, stored.reviews);
    const pending = requirePending(stored.id, state, 'reject');
    if (!pending.ok) return pending;
    return appendReview(deps, db, stored, state.latestSeq, { kind: 'review', action: 'reject', recordedAt: deps.clock.now(), ...(input.reason === undefined ? {} : { reason: input.reason }) });
  },
});

export const ingestAcceptOperation = defineOperation({
  name: 'ingest.accept',
  access: 'write-evidence',
  isWrite: true,
  summary: "Accept a proposal as evidence: its article's source (once) and the statement enter the record",
  input: z.strictObject({
    id: ProposalId,
    criterionIds: z.array(z.string().min(1)).default([]),
    conditionIds: z.array(z.string().min(1)).optional(),
    stance: z.enum(STANCES).optional(),
  }),
  async run(deps, input): Promise<Result<AcceptReport>> {
    const found = await findProposal(deps, input.id);
    if (!found.ok) return found;
    const { db, stored } = found.value;
    const state = reviewState(stored.proposal, stored.reviews);
    const pending = requirePending(stored.id, state, 'accept');
    if (!pending.ok) return pending;
    // Through the store, so that a new database gets the default dataset (and its plan) first.
    const record = await deps.store.load();
    if (!record.ok) return record;
    const { plan, ledger } = record.value;
    for (const [i, id] of input.criterionIds.entries()) {
      const known = requireKnownId(id, plan.criteria.map((c) => c.id), 'criterion', `criterionIds[${i}]`);
      if (!known.ok) return known;
    }
    for (const [i, id] of (input.conditionIds ?? []).entries()) {
      const known = requireKnownId(id, plan.conditions.map((c) => c.id), 'condition', `conditionIds[${i}]`);
      if (!known.ok) return known;
    }
    const lexicon = await deps.ingest.lexicon();
    if (!lexicon.ok) return lexicon;
    const text = await db.documentText(stored.document.id);
    if (!text.ok) return text;
    const now = deps.clock.now();
    const evidence = evidenceOf(stored.proposal, state.fields, { ...stored.document, text: text.value }, lexicon.value.evidence, {
      criterionIds: input.criterionIds,
      ...(input.conditionIds === undefined ? {} : { conditionIds: input.conditionIds }),
      ...(input.stance === undefined ? {} : { stance: input.stance }),
      recordedAt: now,
      outletGrades: outletGrades(ledger.sources),
    });
    if (!evidence.ok) return evidence;
    const { source, statement } = evidence.value;
    // Forum ids of the mapping name the built-in plan's forums; another plan may not have them.
    const forumIds = new Set(plan.forums.map((f) => f.id));
    const linked: Statement = { ...statement, forumIds: statement.forumIds.filter((f) => forumIds.has(f)) };
    const isSourceNew = !ledger.sources.some((s) => s.id === source.id);
    const written = await db.write({
      records: { sources: [source], statements: [linked] },
      recordedAt: now,
      audit: auditStamp(deps, 'ingest.accept', `proposal ${stored.id}`),
      reviews: [{ proposalId: stored.id, afterSeq: state.latestSeq, decision: { kind: 'review', action: 'accept', recordedAt: now, statementId: linked.id, sourceId: source.id } }],
    });
    if (!written.ok) return written;
    return ok({ kind: 'ingest-accepted', id: stored.id, source, statement: linked, isSourceNew });
  },
});

export const ingestDocumentOperation = defineOperation({
  name: 'ingest.document',
  access: 'write-evidence',
  summary: 'A stored article with its text and the proposals extracted from it',
  input: z.strictObject({ id: z.string().regex(/^D[0-9a-f]{12}$/, { message: 'expected an article id such as D0123456789ab' }) }),
  async run(deps, input): Promise<Result<{ readonly kind: 'ingest-document'; readonly text: string; readonly items: readonly ReviewItem[] }>> {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const text = await db.value.documentText(input.id);
    if (!text.ok) return text;
    const all = await db.value.proposals({});
    if (!all.ok) return all;
    return ok({ kind: 'ingest-document', text: text.value, items: all.value.filter((p) => p.document.id === input.id).map(itemOf) });
  },
});
