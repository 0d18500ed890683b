/**
 * Appending to the record through the API: assessments, sources, statements, events, gate
 * records, decisions and escalations. The store gives each its id and time; a correction names
 * the version it corrects (`supersedes`, sent by HTTP clients as If-Match) and is a conflict,
 * with the newer version returned, when someone corrected that version first. A writer may cite
 * and mark only what they may read, and assessors write only their own party's judgements.
 */
import { z } from 'zod';
import { checkAssessedParty, checkMarking, type Permission } from '../../core/access/roles.js';
import { fail, formatPath, ok, type Result } from '../../core/common/result.js';
import { checkDataset } from '../../core/ledger/check.js';
import {
  AssessmentSchema,
  DecisionSchema,
  EscalationSchema,
  EventSchema,
  GateRecordSchema,
  LEDGER_FILES,
  SourceSchema,
  StatementSchema,
  type Ledger,
  type LedgerCollection,
  type LedgerRecord,
} from '../../core/ledger/schema.js';
import { visibleLedger } from '../../core/ledger/visible.js';
import { auditStamp, defineOperation, type Deps } from '../operation.js';

/** The fields a writer supplies: everything but the kind, id and recording time (and, for assessments, who recorded it). */
function newShape<S extends z.core.$ZodShape, K extends keyof S>(shape: S, omit: readonly K[]): Omit<S, K> {
  const out: Record<string, unknown> = { ...shape };
  for (const key of omit) delete out[key as string];
  return out as Omit<S, K>;
}

const COMMON_OMIT = ['kind', 'id', 'recordedAt'] as const;
export const NewAssessmentSchema = z.strictObject(newShape(AssessmentSchema.shape, [...COMMON_OMIT, 'recordedBy']));
export const NewSourceSchema = z.strictObject(newShape(SourceSchema.shape, [...COMMON_OMIT, 'fullTextFile']));
export const NewStatementSchema = z.strictObject(newShape(StatementSchema.shape, COMMON_OMIT));
export const NewEventSchema = z.strictObject(newShape(EventSchema.shape, COMMON_OMIT));
export const NewGateRecordSchema = z.strictObject(newShape(GateRecordSchema.shape, COMMON_OMIT));
export const NewDecisionSchema = z.strictObject(newShape(DecisionSchema.shape, COMMON_OMIT));
export const NewEscalationSchema = z.strictObject(newShape(EscalationSchema.shape, COMMON_OMIT));


const ID_PREFIX: Readonly<Record<LedgerCollection, string>> = {
  sources: 'S',
  statements: 'ST',
  events: 'E',
  assessments: 'A',
  gateRecords: 'G',
  decisions: 'D',
  escalations: 'X',
};

export interface RecordWritten<R extends LedgerRecord = LedgerRecord> {
  readonly kind: 'record-written';
  readonly collection: LedgerCollection;
  readonly record: R;
}

/** The latest version of the chain that `id` belongs to. */
function latestVersion(records: readonly LedgerRecord[], id: string): LedgerRecord | undefined {
  const successor = new Map<string, LedgerRecord>();
  for (const r of records) if (r.supersedes !== undefined) successor.set(r.supersedes, r);
  let current = records.find((r) => r.id === id);
  for (let next = current && successor.get(current.id); next !== undefined; next = successor.get(next.id)) current = next;
  return current;
}

/** Check, stamp and append one record; the shared path of every write operation. */
async function appendRecord(deps: Deps, collection: LedgerCollection, fields: Record<string, unknown>, operation: string): Promise<Result<RecordWritten>> {
  const marking = checkMarking(deps.actor, (fields['releasability'] as LedgerRecord['releasability'] | undefined) ?? 'PUBLIC');
  if (!marking.ok) return marking;
  const loaded = await deps.store.load();
  if (!loaded.ok) return loaded;
  const { plan } = loaded.value;
  // What the writer may cite is what they may read: a hidden record is as unknown as a missing one.
  const visible = visibleLedger(loaded.value.ledger, deps.actor.audience);
  const siblings = visible[collection] as readonly LedgerRecord[];
  const supersedes = fields['supersedes'] as string | undefined;
  if (supersedes !== undefined) {
    const target = siblings.find((r) => r.id === supersedes);
    if (target === undefined) return fail('not-found', `no ${collection} record "${supersedes}" to correct`, [], 'supersedes');
    const latest = latestVersion(siblings, supersedes);
    if (latest !== undefined && latest.id !== supersedes) {
      return { ok: false, error: { kind: 'failure', code: 'conflict', message: `"${supersedes}" was already corrected by "${latest.id}" (recorded ${latest.recordedAt}): review the newer version and correct that one`, problems: [], path: 'supersedes', current: latest } };
    }
  }
  const now = deps.clock.now();
  const id = `${ID_PREFIX[collection]}-${now.replace(/[-:.]/g, '').slice(0, 15)}-${deps.secrets.randomToken(6).replace(/[^A-Za-z0-9]/g, 'x')}`;
  const parsed = LEDGER_FILES[collection].safeParse({
    ...fields,
    id,
    recordedAt: now,
    ...(collection === 'assessments' ? { recordedBy: deps.actor.name } : {}),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ message: i.message, path: formatPath(i.path) }));
    return fail('invalid-input', `${problems[0]?.path ?? ''}: ${problems[0]?.message ?? 'invalid record'}`, problems, problems[0]?.path);
  }
  const record = parsed.data as LedgerRecord;
  if (record.kind === 'assessment') {
    const party = checkAssessedParty(deps.actor, record.party);
    if (!party.ok) return party;
  }
  const probe: Ledger = {
    ...visible,
    [collection]: [...siblings, record],
  };
  const index = siblings.length;
  const problems = checkDataset(plan, probe).filter((p) => p.collection === collection && p.path[0] === index);
  if (problems.length > 0) {
    const located = problems.map((p) => ({ message: p.message, path: formatPath(p.path.slice(1)) }));
    return fail('not-found', `${located[0]?.path}: ${located[0]?.message}`, located, located[0]?.path);
  }
  const db = await deps.database({ isMigrating: true });
  if (!db.ok) return db;
  const result = await db.value.write({ records: { [collection]: [record] }, recordedAt: now, audit: auditStamp(deps, operation) });
  if (!result.ok) {
    if (result.error.code !== 'conflict' || supersedes === undefined) return result;
    // Someone corrected the same version between our read and our write.
    const again = await deps.store.load();
    const latest = again.ok ? latestVersion(visibleLedger(again.value.ledger, deps.actor.audience)[collection] as readonly LedgerRecord[], supersedes) : undefined;
    return { ok: false, error: { ...result.error, ...(latest === undefined ? {} : { current: latest }) } };
  }
  return ok({ kind: 'record-written', collection, record });
}

function recordOperation<S extends z.ZodType>(collection: LedgerCollection, name: string, access: Permission, summary: string, input: S) {
  return defineOperation({
    name,
    summary,
    access,
    isWrite: true,
    input,
    run: (deps, fields: z.output<S>) => appendRecord(deps, collection, fields as Record<string, unknown>, name),
  });
}

export const recordAssessmentOperation = recordOperation('assessments', 'assessments.record', 'write-assessment', "Record a party's assessment of a criterion or condition (assessors: their own party's)", NewAssessmentSchema);
export const recordSourceOperation = recordOperation('sources', 'sources.record', 'write-evidence', 'Record a source (article, communiqué, hearing)', NewSourceSchema);
export const recordStatementOperation = recordOperation('statements', 'statements.record', 'write-evidence', 'Record a statement from a source', NewStatementSchema);
export const recordEventOperation = recordOperation('events', 'events.record', 'write-record', 'Record a dated event', NewEventSchema);
export const recordGateOperation = recordOperation('gateRecords', 'gate-records.record', 'write-record', 'Record the status of a stage sub-step', NewGateRecordSchema);
export const recordDecisionOperation = recordOperation('decisions', 'decisions.record', 'write-record', "Record a forum's decision", NewDecisionSchema);
export const recordEscalationOperation = recordOperation('escalations', 'escalations.record', 'write-record', 'Record an escalation to the next decision level', NewEscalationSchema);
