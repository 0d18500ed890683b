/**
 * Referential integrity of a dataset: every cited source, statement, criterion, condition,
 * forum, stage and party resolves; ids are unique; supersession stays within one kind and
 * one subject. Returns every problem with the collection and path where it occurs.
 */
import type { Plan } from '../plan/schema.js';
import type { PathProblem } from '../plan/check.js';
import type { Ledger, LedgerCollection } from './schema.js';

export interface DatasetProblem extends PathProblem {
  /** The collection the problem is in, or `plan` for a plan citation. */
  readonly collection: LedgerCollection | 'plan';
}

type Resolver = (collection: LedgerCollection | 'plan', path: (string | number)[], what: string, id: string) => void;

function planCitations(plan: Plan, cite: (path: (string | number)[], id: string) => void): void {
  const each = (ids: readonly string[], path: (string | number)[]) => ids.forEach((id, k) => cite([...path, k], id));
  plan.conditions.forEach((c, i) => {
    each(c.sourceIds, ['conditions', i, 'sourceIds']);
    each(c.officialWording.sourceIds, ['conditions', i, 'officialWording', 'sourceIds']);
    c.alternateWordings.forEach((w, j) => each(w.sourceIds, ['conditions', i, 'alternateWordings', j, 'sourceIds']));
  });
  plan.criteria.forEach((c, i) => each(c.sourceIds, ['criteria', i, 'sourceIds']));
  plan.stages.forEach((s, i) => {
    each(s.sourceIds, ['stages', i, 'sourceIds']);
    s.substeps.forEach((sub, j) => {
      each(sub.sourceIds, ['stages', i, 'substeps', j, 'sourceIds']);
      sub.slips.forEach((slip, k) => each(slip.sourceIds, ['stages', i, 'substeps', j, 'slips', k, 'sourceIds']));
    });
  });
  plan.forums.forEach((f, i) => each(f.sourceIds, ['forums', i, 'sourceIds']));
  plan.milestones.forEach((m, i) => each(m.sourceIds, ['milestones', i, 'sourceIds']));
  plan.targets.forEach((t, i) => each(t.sourceIds, ['targets', i, 'sourceIds']));
  plan.keyDates.forEach((k, i) => each(k.sourceIds, ['keyDates', i, 'sourceIds']));
  plan.endState?.elements.forEach((e, i) => each(e.sourceIds, ['endState', 'elements', i, 'sourceIds']));
  plan.revisions.forEach((r, i) => each(r.sourceIds, ['revisions', i, 'sourceIds']));
  each(plan.forecast?.sourceIds ?? [], ['forecast', 'sourceIds']);
}

/** Every referential problem of a ledger against its plan. */
export function checkDataset(plan: Plan, ledger: Ledger): readonly DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const ids = {
    source: new Set(ledger.sources.map((s) => s.id)),
    statement: new Set(ledger.statements.map((s) => s.id)),
    criterion: new Set(plan.criteria.map((c) => c.id)),
    condition: new Set(plan.conditions.map((c) => c.id)),
    forum: new Set(plan.forums.map((f) => f.id)),
    stage: new Set(plan.stages.map((s) => s.id)),
    party: new Set(plan.parties.map((p) => p.id)),
  };
  const resolve: Resolver = (collection, path, what, id) => {
    const known = ids[what as keyof typeof ids];
    if (!known.has(id)) problems.push({ collection, path, message: `unknown ${what} "${id}"` });
  };
  const collections: readonly LedgerCollection[] = ['sources', 'statements', 'events', 'assessments', 'gateRecords', 'decisions', 'escalations'];
  const allIds = new Map<string, string>();
  for (const collection of collections) {
    const byId = new Map<string, { readonly kind: string; readonly supersedes?: string | undefined }>();
    ledger[collection].forEach((record, i) => {
      const other = allIds.get(record.id);
      if (other !== undefined) problems.push({ collection, path: [i, 'id'], message: `duplicate id "${record.id}" (also in ${other})` });
      allIds.set(record.id, collection);
      byId.set(record.id, record);
    });
    ledger[collection].forEach((record, i) => {
      if (record.supersedes === undefined) return;
      if (!byId.has(record.supersedes)) {
        problems.push({ collection, path: [i, 'supersedes'], message: `supersedes unknown ${collection} record "${record.supersedes}"` });
      } else if (record.supersedes === record.id) {
        problems.push({ collection, path: [i, 'supersedes'], message: 'a record cannot supersede itself' });
      }
    });
  }
  planCitations(plan, (path, id) => resolve('plan', path, 'source', id));
  ledger.statements.forEach((s, i) => {
    resolve('statements', [i, 'sourceId'], 'source', s.sourceId);
    s.conditionIds.forEach((id, k) => resolve('statements', [i, 'conditionIds', k], 'condition', id));
    s.criterionIds.forEach((id, k) => resolve('statements', [i, 'criterionIds', k], 'criterion', id));
    s.forumIds.forEach((id, k) => resolve('statements', [i, 'forumIds', k], 'forum', id));
  });
  ledger.events.forEach((e, i) => {
    e.sourceIds.forEach((id, k) => resolve('events', [i, 'sourceIds', k], 'source', id));
    if (e.forumId !== undefined) resolve('events', [i, 'forumId'], 'forum', e.forumId);
    if (e.stageId !== undefined) resolve('events', [i, 'stageId'], 'stage', e.stageId);
  });
  const assessmentsById = new Map(ledger.assessments.map((a) => [a.id, a]));
  ledger.assessments.forEach((a, i) => {
    resolve('assessments', [i, 'party'], 'party', a.party);
    if (a.criterionId !== undefined) resolve('assessments', [i, 'criterionId'], 'criterion', a.criterionId);
    if (a.conditionId !== undefined) resolve('assessments', [i, 'conditionId'], 'condition', a.conditionId);
    a.statementIds.forEach((id, k) => resolve('assessments', [i, 'statementIds', k], 'statement', id));
    a.sourceIds.forEach((id, k) => resolve('assessments', [i, 'sourceIds', k], 'source', id));
    const prior = a.supersedes === undefined ? undefined : assessmentsById.get(a.supersedes);
    if (prior && (prior.party !== a.party || prior.criterionId !== a.criterionId || prior.conditionId !== a.conditionId)) {
      problems.push({ collection: 'assessments', path: [i, 'supersedes'], message: 'a correction must concern the same party and criterion or condition as the record it supersedes' });
    }
  });
  ledger.gateRecords.forEach((g, i) => {
    resolve('gateRecords', [i, 'stageId'], 'stage', g.stageId);
    Object.keys(g.verdicts).forEach((party) => resolve('gateRecords', [i, 'verdicts', party], 'party', party));
    g.sourceIds.forEach((id, k) => resolve('gateRecords', [i, 'sourceIds', k], 'source', id));
  });
  ledger.decisions.forEach((d, i) => {
    resolve('decisions', [i, 'forumId'], 'forum', d.forumId);
    d.statementIds.forEach((id, k) => resolve('decisions', [i, 'statementIds', k], 'statement', id));
    d.sourceIds.forEach((id, k) => resolve('decisions', [i, 'sourceIds', k], 'source', id));
  });
  ledger.escalations.forEach((e, i) => {
    if (e.forumId !== undefined) resolve('escalations', [i, 'forumId'], 'forum', e.forumId);
    e.statementIds.forEach((id, k) => resolve('escalations', [i, 'statementIds', k], 'statement', id));
    e.sourceIds.forEach((id, k) => resolve('escalations', [i, 'sourceIds', k], 'source', id));
  });
  return problems;
}
