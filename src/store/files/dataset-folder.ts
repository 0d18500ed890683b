/**
 * A dataset kept as reviewed YAML files in a folder: `dataset.yaml` (the manifest, naming the
 * plan file) and one file per ledger collection. Every file is validated and cross-checked;
 * all problems are reported together with file, line and path.
 */
import { dirname, join, relative } from 'node:path';
import { fail, formatPath, ok, type Problem, type Result } from '../../core/common/result.js';
import { checkDataset } from '../../core/ledger/check.js';
import { DatasetManifestSchema, LEDGER_FILES, type DatasetManifest, type Ledger, type LedgerCollection } from '../../core/ledger/schema.js';
import type { Plan } from '../../core/plan/schema.js';
import type { DatasetSource, LoadedDataset, RecordStore } from '../../app/ports.js';
import { readPlanFile } from './plan-file.js';
import { readText } from './read-text.js';
import { locate, parseYaml, zodProblems, type ParsedYaml } from './yaml-document.js';
import { existsSync } from 'node:fs';

/** File name of each ledger collection inside a dataset folder. */
export const COLLECTION_FILES: Readonly<Record<LedgerCollection, string>> = {
  sources: 'sources.yaml',
  statements: 'statements.yaml',
  events: 'events.yaml',
  assessments: 'assessments.yaml',
  gateRecords: 'gate-records.yaml',
  decisions: 'decisions.yaml',
  escalations: 'escalations.yaml',
};

interface CollectionRead {
  readonly records: readonly unknown[];
  readonly parsed: ParsedYaml | undefined;
  readonly problems: readonly Problem[];
}

async function readCollection(folder: string, collection: LedgerCollection): Promise<CollectionRead> {
  const file = join(folder, COLLECTION_FILES[collection]);
  if (!existsSync(file)) return { records: [], parsed: undefined, problems: [] };
  const text = await readText(file);
  if (!text.ok) return { records: [], parsed: undefined, problems: text.error.problems };
  const { parsed, problems } = parseYaml(text.value, file);
  if (problems.length > 0) return { records: [], parsed, problems };
  const raw: unknown = parsed.document.toJS() ?? [];
  if (!Array.isArray(raw)) {
    return { records: [], parsed, problems: [{ message: 'expected a list of records', path: '(root)', file, line: 1 }] };
  }
  const schema = LEDGER_FILES[collection];
  const records: unknown[] = [];
  const out: Problem[] = [];
  raw.forEach((item: unknown, i) => {
    const result = schema.safeParse(item);
    if (result.success) records.push(result.data);
    else out.push(...zodProblems(parsed, result.error.issues, [i]));
  });
  return { records, parsed, problems: out };
}

/** Read, validate and cross-check a dataset folder. */
export async function readDatasetFolder(folder: string): Promise<Result<LoadedDataset>> {
  const manifestFile = join(folder, 'dataset.yaml');
  const manifestText = await readText(manifestFile);
  if (!manifestText.ok) return fail('unreadable', `not a dataset folder: ${manifestText.error.message}`, manifestText.error.problems);
  const { parsed: manifestYaml, problems: manifestSyntax } = parseYaml(manifestText.value, manifestFile);
  if (manifestSyntax.length > 0) return fail('invalid-dataset', `${manifestFile}: YAML problems`, manifestSyntax);
  const manifestResult = DatasetManifestSchema.safeParse(manifestYaml.document.toJS());
  if (!manifestResult.success) {
    return fail('invalid-dataset', `${manifestFile}: invalid manifest`, zodProblems(manifestYaml, manifestResult.error.issues));
  }
  const manifest = manifestResult.data as DatasetManifest;
  const planFile = join(dirname(manifestFile), manifest.plan);
  const plan = await readPlanFile(planFile);
  const collections = Object.keys(COLLECTION_FILES) as LedgerCollection[];
  const reads = await Promise.all(collections.map((c) => readCollection(folder, c)));
  const problems: Problem[] = [...(plan.ok ? [] : plan.error.problems), ...reads.flatMap((r) => r.problems)];
  if (problems.length > 0 || !plan.ok) {
    return fail('invalid-dataset', `${folder}: ${problems.length} problem(s) in the dataset`, problems);
  }
  const byCollection = Object.fromEntries(collections.map((c, i) => [c, reads[i]!.records])) as unknown as Omit<Ledger, 'kind'>;
  const ledger: Ledger = { kind: 'ledger', ...byCollection };
  const crossProblems = await locateDatasetProblems(folder, planFile, plan.value, ledger, Object.fromEntries(collections.map((c, i) => [c, reads[i]!.parsed])));
  if (crossProblems.length > 0) {
    return fail('invalid-dataset', `${folder}: ${crossProblems.length} problem(s) in the dataset`, crossProblems);
  }
  return ok({ kind: 'loaded-dataset', manifest, plan: plan.value, ledger, location: folder });
}

async function locateDatasetProblems(
  folder: string,
  planFile: string,
  plan: Plan,
  ledger: Ledger,
  parsedByCollection: Readonly<Record<string, ParsedYaml | undefined>>,
): Promise<Problem[]> {
  const found = checkDataset(plan, ledger);
  const fullText = await checkFullTexts(folder, ledger, parsedByCollection['sources'], parsedByCollection['statements']);
  if (found.length === 0) return fullText;
  const planText = await readText(planFile);
  const planYaml = planText.ok ? parseYaml(planText.value, planFile).parsed : undefined;
  return [
    ...found.map((p) => {
      const parsed = p.collection === 'plan' ? planYaml : parsedByCollection[p.collection];
      const file = p.collection === 'plan' ? planFile : join(folder, COLLECTION_FILES[p.collection]);
      return { message: p.message, path: formatPath(p.path), file, ...(parsed ? locate(parsed, p.path) : {}) };
    }),
    ...fullText,
  ];
}

/** Full texts named by sources must exist, and verbatim quotes from them must occur in them. */
async function checkFullTexts(
  folder: string,
  ledger: Ledger,
  sourcesYaml: ParsedYaml | undefined,
  statementsYaml: ParsedYaml | undefined,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  for (const [i, source] of ledger.sources.entries()) {
    if (source.fullTextFile === undefined) continue;
    const path = join(folder, source.fullTextFile);
    if (relative(folder, path).startsWith('..')) {
      problems.push({ message: 'fullTextFile must stay inside the dataset folder', path: `[${i}].fullTextFile`, file: join(folder, COLLECTION_FILES.sources), ...(sourcesYaml ? locate(sourcesYaml, [i, 'fullTextFile']) : {}) });
      continue;
    }
    const text = await readText(path);
    if (text.ok) texts.set(source.id, text.value);
    else problems.push({ message: text.error.message, path: `[${i}].fullTextFile`, file: join(folder, COLLECTION_FILES.sources), ...(sourcesYaml ? locate(sourcesYaml, [i, 'fullTextFile']) : {}) });
  }
  ledger.statements.forEach((statement, i) => {
    const text = texts.get(statement.sourceId);
    if (statement.isVerbatim && text !== undefined && !text.includes(statement.text)) {
      problems.push({
        message: `quote does not appear verbatim in the full text of source "${statement.sourceId}"`,
        path: `[${i}].text`,
        file: join(folder, COLLECTION_FILES.statements),
        ...(statementsYaml ? locate(statementsYaml, [i, 'text']) : {}),
      });
    }
  });
  return problems;
}

/** A record store over a dataset folder; reads it once and keeps the result (the picture filters it). */
export function createFolderStore(folder: string): RecordStore {
  let cached: Promise<Result<LoadedDataset>> | undefined;
  const load = () => (cached ??= readDatasetFolder(folder));
  return { kind: 'record-store', load, loadForPicture: load };
}

/** Datasets kept as folders of reviewed YAML files. */
export const folderDatasetSource: DatasetSource = { kind: 'dataset-source', readFolder: readDatasetFolder };
