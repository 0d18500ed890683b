/** Small plans and ledgers for tests, built from plain data. */
import type { Assessment, Ledger, Source, Statement } from '../ledger/schema.js';
import { PlanSchema, type Plan } from '../plan/schema.js';

/** A two-party plan with a joint body, two conditions and four criteria. */
export function samplePlan(overrides: Record<string, unknown> = {}): Plan {
  return PlanSchema.parse({
    kind: 'plan',
    id: 'sample',
    version: 1,
    title: 'Sample transition',
    description: 'A small plan for tests.',
    parties: [
      { id: 'A', name: 'Party A' },
      { id: 'B', name: 'Party B' },
      { id: 'J', name: 'Joint body', isJoint: true },
    ],
    conditions: [
      { id: 'C1', title: 'Capability', officialWording: { text: 'Capability to lead', sourceIds: ['S1'] }, sourceIds: ['S1'] },
      { id: 'C2', title: 'Environment', officialWording: { text: 'Stable environment', sourceIds: ['S1'] }, sourceIds: ['S1'] },
    ],
    criteria: [
      { id: 'C1.a', conditionId: 'C1', title: 'Command', description: 'Command structure', sourceIds: ['S1'], weights: { A: 2, B: 1 } },
      { id: 'C1.b', conditionId: 'C1', title: 'Systems', description: 'C2 systems', sourceIds: ['S1'], dependsOn: ['C1.a'] },
      { id: 'C2.a', conditionId: 'C2', title: 'Threat', description: 'Threat level', sourceIds: ['S1'] },
      { id: 'C2.b', conditionId: 'C2', title: 'Region', description: 'Regional stability', sourceIds: ['S1'], weights: { B: 3 } },
    ],
    rollup: { A: { kind: 'weighted-mean' }, B: { kind: 'weighted-mean', metThresholdPct: 90 }, J: { kind: 'all-met' } },
    stages: [
      {
        id: 'S-1',
        title: 'First stage',
        order: 1,
        description: 'First',
        requiredCriteria: ['C1.a'],
        gate: { parties: ['A', 'B'] },
        substeps: [
          { kind: 'assessment', plannedDate: '2020-08' },
          { kind: 'verification', plannedDate: '2021', slips: [{ from: '2021', to: '2023', announcedOn: '2021-06-01', reason: 'delay', sourceIds: ['S1'] }] },
          { kind: 'approval' },
        ],
        sourceIds: ['S1'],
      },
    ],
    forums: [{ id: 'F', name: 'Forum', level: 'ministerial', cadence: 'annual', role: 'approves', sourceIds: ['S1'] }],
    keyDates: [{ id: 'k1', date: '2028-12-31', label: 'End of 2028' }],
    ...overrides,
  }) as Plan;
}

/** A public source. */
export function source(id: string, published = '2019-01-01', extra: Partial<Source> = {}): Source {
  return {
    kind: 'source',
    id,
    outlet: `Outlet ${id}`,
    title: null,
    url: `https://example.org/${id}`,
    published,
    sourceKind: 'news',
    reliability: 'B',
    language: 'en',
    releasability: 'PUBLIC',
    recordedAt: `${published.length === 10 ? published : '2019-01-01'}T12:00:00Z`,
    ...extra,
  };
}

/** A statement in a source. */
export function statement(id: string, sourceId: string, saidOn: string, extra: Partial<Statement> = {}): Statement {
  return {
    kind: 'statement',
    id,
    sourceId,
    text: `Statement ${id}`,
    isVerbatim: true,
    speaker: 'Speaker',
    role: 'Official',
    side: 'other',
    stance: null,
    saidOn,
    conditionIds: [],
    criterionIds: [],
    forumIds: [],
    releasability: 'PUBLIC',
    recordedAt: `${saidOn}T12:00:00Z`,
    ...extra,
  };
}

/** An assessment of a criterion. */
export function assessment(id: string, party: string, criterionId: string, asOf: string, rating: Assessment['rating'], extra: Partial<Assessment> = {}): Assessment {
  return {
    kind: 'assessment',
    id,
    party,
    criterionId,
    asOf,
    rating,
    confidence: 0.5,
    rationale: 'test',
    basis: 'public-record-estimate',
    statementIds: [],
    sourceIds: ['S1'],
    recordedBy: 'test',
    releasability: 'PUBLIC',
    recordedAt: `${asOf}T12:00:00Z`,
    ...extra,
  };
}

/** A ledger from parts; missing collections are empty. */
export function ledgerOf(parts: Partial<Omit<Ledger, 'kind'>>): Ledger {
  return {
    kind: 'ledger',
    sources: parts.sources ?? [source('S1')],
    statements: parts.statements ?? [],
    events: parts.events ?? [],
    assessments: parts.assessments ?? [],
    gateRecords: parts.gateRecords ?? [],
    decisions: parts.decisions ?? [],
    escalations: parts.escalations ?? [],
  };
}
