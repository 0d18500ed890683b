// The built-in ingestion lexicon, loaded once for tests as the CLI loads it.
import { join } from 'node:path';
import { compileLexicon, type CompiledLexicon, type IngestLexicon } from '../../src/core/ingest/lexicon.js';
import { extract, type Extraction } from '../../src/core/ingest/extract.js';
import { readIngestLexicon } from '../../src/store/files/ingest-lexicon.js';
import { ROOT } from './cli.js';

export const LEXICON_DIR = join(ROOT, 'data', 'ingest');
export const CORPUS_DEV = join(ROOT, '..', 'shared', 'corpus', 'dev');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'ingest');

let cached: { raw: IngestLexicon; compiled: CompiledLexicon } | undefined;

/** The validated and compiled built-in lexicon. */
export async function builtInLexicon(): Promise<{ raw: IngestLexicon; compiled: CompiledLexicon }> {
  if (cached) return cached;
  const result = await readIngestLexicon(LEXICON_DIR);
  if (!result.ok) throw new Error(`built-in lexicon invalid: ${JSON.stringify(result.error.problems)}`);
  cached = { raw: result.value, compiled: compileLexicon(result.value) };
  return cached;
}

/** Extract from a text with the built-in lexicon. */
export async function extractText(text: string, published: string | null = '2026-03-10'): Promise<Extraction> {
  const { compiled } = await builtInLexicon();
  return extract({ kind: 'ingest-document', text, published, outlet: null, title: null, url: null }, compiled);
}
