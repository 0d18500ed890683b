/**
 * Reading files to import: a whole dataset (the JSON or YAML export document) or assessments as
 * CSV. Every bad row is reported with its line, field and reason; the caller writes nothing
 * unless there is none.
 */
import { extname } from 'node:path';
import { fail, ok, type Problem, type Result } from '../../core/common/result.js';
import { parseCsv } from '../../core/exchange/csv.js';
import { ASSESSMENT_CSV_COLUMNS, ExportDocumentSchema, type ExportDocument } from '../../core/exchange/document.js';
import { AssessmentSchema, type Assessment } from '../../core/ledger/schema.js';
import type { ImportPayload, ImportReader } from '../../app/ports.js';
import { readText } from './read-text.js';
import { parseYaml, zodProblems } from './yaml-document.js';

const MAX_BYTES = 512 * 1024 * 1024;

function csvValue(column: (typeof ASSESSMENT_CSV_COLUMNS)[number], raw: string): unknown {
  switch (column) {
    case 'rating':
      return raw === 'unassessed' ? raw : raw === '' ? undefined : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'confidence':
      return raw === '' ? undefined : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'statementIds':
    case 'sourceIds':
      return raw === '' ? [] : raw.split(';').map((s) => s.trim());
    case 'criterionId':
    case 'conditionId':
    case 'supersedes':
      return raw === '' ? undefined : raw;
    default:
      return raw;
  }
}

/** Parse assessments from CSV text. */
export function parseAssessmentsCsv(text: string, file: string): Result<readonly Assessment[]> {
  const parsed = parseCsv(text);
  if (parsed.error) return fail('invalid-input', `${file}: not valid CSV`, [{ file, line: parsed.error.line, path: '(file)', message: parsed.error.message }]);
  const [header, ...rows] = parsed.rows;
  if (header === undefined) return fail('invalid-input', `${file}: empty CSV`, [{ file, line: 1, path: '(file)', message: 'no header row' }]);
  const columns = header.fields.map((f) => f.trim());
  const missing = ASSESSMENT_CSV_COLUMNS.filter((c) => !columns.includes(c) && ['id', 'party', 'asOf', 'rating', 'confidence', 'rationale', 'basis', 'recordedBy', 'recordedAt'].includes(c));
  const unknown = columns.filter((c) => !(ASSESSMENT_CSV_COLUMNS as readonly string[]).includes(c));
  const problems: Problem[] = [
    ...missing.map((c) => ({ file, line: header.line, path: c, message: `missing column "${c}"` })),
    ...unknown.map((c) => ({ file, line: header.line, path: c, message: `unknown column "${c}" (expected: ${ASSESSMENT_CSV_COLUMNS.join(', ')})` })),
  ];
  if (problems.length > 0) return fail('invalid-input', `${file}: bad header`, problems);
  const records: Assessment[] = [];
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      problems.push({ file, line: row.line, path: '(row)', message: `expected ${columns.length} fields, found ${row.fields.length}` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const value = csvValue(c as (typeof ASSESSMENT_CSV_COLUMNS)[number], row.fields[i] ?? '');
      if (value !== undefined) raw[c] = value;
    });
    const result = AssessmentSchema.safeParse(raw);
    if (result.success) records.push(result.data as Assessment);
    else for (const issue of result.error.issues) problems.push({ file, line: row.line, path: String(issue.path[0] ?? '(row)'), message: issue.message });
  }
  if (problems.length > 0) return fail('invalid-input', `${file}: ${problems.length} bad row(s); nothing was imported`, problems);
  return ok(records);
}

/** Parse an export document (JSON or YAML). */
export function parseExportDocument(text: string, file: string): Result<ExportDocument> {
  const { parsed, problems } = parseYaml(text, file);
  if (problems.length > 0) return fail('invalid-input', `${file}: not valid JSON or YAML`, problems);
  const result = ExportDocumentSchema.safeParse(parsed.document.toJS());
  if (!result.success) {
    const found = zodProblems(parsed, result.error.issues);
    return fail('invalid-input', `${file}: ${found.length} problem(s); nothing was imported`, found);
  }
  return ok(result.data as unknown as ExportDocument);
}

/** Files to import, by extension: .csv holds assessments; .json, .yaml and .yml hold a whole dataset. */
export const fileImportReader: ImportReader = {
  kind: 'import-reader',
  async read(file: string): Promise<Result<ImportPayload>> {
    const text = await readText(file);
    if (!text.ok) return text;
    if (text.value.length > MAX_BYTES) return fail('invalid-input', `${file} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    const ext = extname(file).toLowerCase();
    if (ext === '.csv') {
      const assessments = parseAssessmentsCsv(text.value, file);
      return assessments.ok ? ok({ kind: 'import-payload', assessments: assessments.value }) : assessments;
    }
    if (!['.json', '.yaml', '.yml'].includes(ext)) return fail('invalid-input', `${file}: unknown format "${ext}" (use .json, .yaml, .yml for a dataset or .csv for assessments)`);
    const doc = parseExportDocument(text.value, file);
    return doc.ok ? ok({ kind: 'import-payload', document: doc.value }) : doc;
  },
};
