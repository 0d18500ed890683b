/**
 * The exchange format: a whole dataset (manifest, plan and every ledger record in the order it
 * was recorded) as one JSON or YAML document, and assessments as CSV. Export, import into an
 * empty database and export again gives the same bytes.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { DatasetManifestSchema, LEDGER_FILES, type DatasetManifest, type Ledger } from '../ledger/schema.js';
import { PlanSchema, type Plan } from '../plan/schema.js';
import { toCsv } from './csv.js';

export const EXPORT_FORMAT_VERSION = 1;
export type ExportFormat = 'json' | 'yaml' | 'csv';

export interface ExportDocument extends Omit<Ledger, 'kind'> {
  readonly kind: 'dataset-export';
  readonly formatVersion: typeof EXPORT_FORMAT_VERSION;
  readonly manifest: DatasetManifest;
  readonly plan: Plan;
}

export const ExportDocumentSchema = z.strictObject({
  kind: z.literal('dataset-export'),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  manifest: DatasetManifestSchema,
  plan: PlanSchema,
  sources: z.array(LEDGER_FILES.sources).default([]),
  statements: z.array(LEDGER_FILES.statements).default([]),
  events: z.array(LEDGER_FILES.events).default([]),
  assessments: z.array(LEDGER_FILES.assessments).default([]),
  gateRecords: z.array(LEDGER_FILES.gateRecords).default([]),
  decisions: z.array(LEDGER_FILES.decisions).default([]),
  escalations: z.array(LEDGER_FILES.escalations).default([]),
});

/** The export document of a dataset. */
export function toExportDocument(data: { readonly manifest: DatasetManifest; readonly plan: Plan; readonly ledger: Ledger }): ExportDocument {
  const { kind: _kind, ...records } = data.ledger;
  return { kind: 'dataset-export', formatVersion: EXPORT_FORMAT_VERSION, manifest: data.manifest, plan: data.plan, ...records };
}

export const ASSESSMENT_CSV_COLUMNS = [
  'id', 'party', 'criterionId', 'conditionId', 'asOf', 'rating', 'confidence', 'rationale', 'basis',
  'statementIds', 'sourceIds', 'recordedBy', 'releasability', 'recordedAt', 'supersedes',
] as const;

/** Assessments as CSV; id lists are separated by semicolons. */
export function assessmentsToCsv(ledger: Ledger): string {
  return toCsv([
    [...ASSESSMENT_CSV_COLUMNS],
    ...ledger.assessments.map((a) => [
      a.id, a.party, a.criterionId ?? '', a.conditionId ?? '', a.asOf, String(a.rating), String(a.confidence), a.rationale, a.basis,
      a.statementIds.join(';'), a.sourceIds.join(';'), a.recordedBy, a.releasability, a.recordedAt, a.supersedes ?? '',
    ]),
  ]);
}

/** A dataset as text in an exchange format. */
export function exportText(data: { readonly manifest: DatasetManifest; readonly plan: Plan; readonly ledger: Ledger }, format: ExportFormat): string {
  if (format === 'csv') return assessmentsToCsv(data.ledger);
  const doc = toExportDocument(data);
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
