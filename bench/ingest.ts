// Ingestion speed, warm, on one core: articles per second through the whole extraction pipeline,
// side by side with its peer measured in the same run — wink-nlp alone reading the same articles
// (sentences, tokens, tags, lemmas), the floor no rule-based pipeline on top of it can beat.
// Target (issue 7): at least 50 articles per second. Run: npm run bench:ingest
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { compileLexicon } from '../src/core/ingest/lexicon.js';
import { extract, type IngestDocument } from '../src/core/ingest/extract.js';
import { readIngestLexicon } from '../src/store/files/ingest-lexicon.js';

const ROOT = resolve(import.meta.dirname, '..');
const TARGET_PER_SECOND = 50;

function articles(): IngestDocument[] {
  const folders = [join(ROOT, '..', 'shared', 'corpus', 'dev'), join(ROOT, 'test', 'fixtures', 'ingest')].filter(existsSync);
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const doc = JSON.parse(readFileSync(join(folder, f), 'utf8')) as { text?: string; textFile?: string; published: string };
        const text = doc.text ?? readFileSync(resolve(folder, doc.textFile ?? ''), 'utf8');
        return { kind: 'ingest-document' as const, text, published: doc.published, outlet: null, title: null, url: null };
      }),
  );
}

function perSecond(docs: readonly IngestDocument[], run: (doc: IngestDocument) => unknown, seconds = 2): number {
  for (const doc of docs) run(doc); // warm-up: the model is loaded and the code paths compiled
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const doc of docs) run(doc);
    count += docs.length;
  }
  return count / ((performance.now() - started) / 1000);
}

const lexicon = await readIngestLexicon(join(ROOT, 'data', 'ingest'));
if (!lexicon.ok) throw new Error(lexicon.error.message);
const compiled = compileLexicon(lexicon.value);
const docs = articles();
const nlp = winkNLP(model, ['sbd', 'pos']);
const meanChars = Math.round(docs.reduce((n, d) => n + d.text.length, 0) / docs.length);

const pipeline = perSecond(docs, (doc) => extract(doc, compiled));
const peer = perSecond(docs, (doc) => nlp.readDoc(doc.text).tokens().out());

console.log(`ingest bench: ${docs.length} articles, ${meanChars} characters on average, warm, one core`);
console.log(`  extraction pipeline     ${pipeline.toFixed(1)} articles/s`);
console.log(`  peer: wink-nlp alone    ${peer.toFixed(1)} articles/s`);
console.log(`  ratio pipeline / peer   ${(pipeline / peer).toFixed(2)}`);
console.log(`  target                  >= ${TARGET_PER_SECOND} articles/s: ${pipeline >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`);
