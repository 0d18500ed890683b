/** The ingestion lexicon: one reviewed YAML file per part in `data/ingest/`, all validated, all problems reported together. */
import { join } from 'node:path';
import { fail, ok, type Problem, type Result } from '../../core/common/result.js';
import { LEXICON_FILES, type IngestLexicon, type LexiconPart } from '../../core/ingest/lexicon.js';
import { readText } from './read-text.js';
import { parseYaml, zodProblems } from './yaml-document.js';

async function readPart(folder: string, part: LexiconPart): Promise<{ readonly value: unknown; readonly problems: readonly Problem[] }> {
  const { file, schema } = LEXICON_FILES[part];
  const path = join(folder, file);
  const text = await readText(path);
  if (!text.ok) return { value: undefined, problems: text.error.problems };
  const { parsed, problems } = parseYaml(text.value, path);
  if (problems.length > 0) return { value: undefined, problems };
  const result = schema.safeParse(parsed.document.toJS());
  return result.success ? { value: result.data, problems: [] } : { value: undefined, problems: zodProblems(parsed, result.error.issues) };
}

/** Read and validate every lexicon file of a folder. */
export async function readIngestLexicon(folder: string): Promise<Result<IngestLexicon>> {
  const parts = Object.keys(LEXICON_FILES) as LexiconPart[];
  const reads = await Promise.all(parts.map((part) => readPart(folder, part)));
  const problems = reads.flatMap((r) => r.problems);
  if (problems.length > 0) return fail('invalid-dataset', `${folder}: ${problems.length} problem(s) in the ingestion lexicon`, problems);
  return ok({ kind: 'ingest-lexicon', ...Object.fromEntries(parts.map((part, i) => [part, reads[i]!.value])) } as IngestLexicon);
}
