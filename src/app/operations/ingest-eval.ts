/** `ingest.eval`: score extraction against a folder of labelled documents, with floors per metric. */
import { z } from 'zod';
import { fail, formatPath, ok, type Problem, type Result } from '../../core/common/result.js';
import { extract } from '../../core/ingest/extract.js';
import { LabelledFileSchema, type LabelledDocument } from '../../core/ingest/labelled.js';
import { belowFloors, DEFAULT_FLOORS, METRICS, scoreDocument, summarise, type DocumentScore, type Floors, type Metric, type Summary } from '../../core/ingest/scoring.js';
import { defineOperation } from '../operation.js';
import { loadLexicon } from './ingest-extract.js';

export interface EvalReport extends Summary {
  readonly kind: 'ingest-eval';
  readonly folder: string;
  readonly documents: number;
  readonly floors: Floors;
  readonly failures: readonly { readonly metric: Metric; readonly value: number; readonly floor: number }[];
  readonly isPassing: boolean;
  readonly perDocument: readonly DocumentScore[];
}

const FloorsInput = z.strictObject(Object.fromEntries(METRICS.map((m) => [m, z.number().min(0).max(1).optional()])) as Record<Metric, z.ZodOptional<z.ZodNumber>>);

export const ingestEvalOperation = defineOperation({
  name: 'ingest.eval',
  access: 'local',
  summary: 'Score extraction against labelled documents: precision, recall and F1 per label, speaker, side and stance accuracy',
  input: z.strictObject({ folder: z.string().min(1), floors: FloorsInput.default({}) }),
  async run(deps, input): Promise<Result<EvalReport>> {
    const lexicon = await loadLexicon(deps);
    if (!lexicon.ok) return lexicon;
    const files = await deps.ingest.readLabelled(input.folder);
    if (!files.ok) return files;
    const docs: LabelledDocument[] = [];
    const problems: Problem[] = [];
    for (const file of files.value) {
      const parsed = LabelledFileSchema.safeParse(file.json);
      if (!parsed.success) {
        problems.push(...parsed.error.issues.map((i) => ({ message: i.message, path: formatPath(i.path), file: file.name })));
        continue;
      }
      const f = parsed.data;
      const text = f.text ?? file.textFromFile ?? '';
      docs.push({ kind: 'labelled-document', name: file.name, text, published: f.published, outlet: f.outlet ?? null, title: f.title ?? null, url: f.url ?? null, gold: f.gold });
    }
    if (problems.length > 0) return fail('invalid-dataset', `${input.folder}: ${problems.length} problem(s) in the labelled documents`, problems);
    const scores = docs.map((d) =>
      scoreDocument(d.name, d.gold, extract({ kind: 'ingest-document', text: d.text, published: d.published, outlet: d.outlet, title: d.title, url: d.url }, lexicon.value)),
    );
    const summary = summarise(scores);
    const floors: Floors = { ...DEFAULT_FLOORS, ...Object.fromEntries(Object.entries(input.floors).filter(([, v]) => v !== undefined)) };
    const failures = belowFloors(summary.metrics, floors);
    return ok({ kind: 'ingest-eval', folder: input.folder, documents: docs.length, ...summary, floors, failures, isPassing: failures.length === 0, perDocument: scores });
  },
});
