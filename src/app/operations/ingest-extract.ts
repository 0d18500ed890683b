/** `ingest.extract`: one article (text, HTML or a JSON document) in, cited evidence out. Nothing is stored. */
import { z } from 'zod';
import { isIsoDate } from '../../core/common/dates.js';
import { ok, type Result } from '../../core/common/result.js';
import { extract, type Extraction } from '../../core/ingest/extract.js';
import { decodeInput, MAX_INPUT_BYTES, type InputFormat } from '../../core/ingest/input.js';
import { compileLexicon, type CompiledLexicon } from '../../core/ingest/lexicon.js';
import { defineOperation, type Deps } from '../operation.js';

export interface ExtractionResult extends Omit<Extraction, 'kind'> {
  readonly kind: 'ingest-extraction';
  readonly source: {
    readonly file: string;
    readonly format: InputFormat;
    readonly published: string | null;
    readonly outlet: string | null;
    readonly title: string | null;
    readonly url: string | null;
    readonly characters: number;
  };
}

/** The compiled lexicon of the ingestion store. */
export async function loadLexicon(deps: Deps): Promise<Result<CompiledLexicon>> {
  const lexicon = await deps.ingest.lexicon();
  return lexicon.ok ? ok(compileLexicon(lexicon.value)) : lexicon;
}

export const ingestExtractOperation = defineOperation({
  name: 'ingest.extract',
  access: 'local',
  summary: 'Extract quotes, speakers, sides, timeline targets, conditions, stances, forums and events from one article',
  input: z.strictObject({
    file: z.string().min(1),
    published: z.string().refine(isIsoDate, 'published: expected a date YYYY-MM-DD').optional(),
    outlet: z.string().min(1).optional(),
  }),
  async run(deps, input): Promise<Result<ExtractionResult>> {
    const raw = await deps.ingest.readInput(input.file, MAX_INPUT_BYTES);
    if (!raw.ok) return raw;
    const decoded = decodeInput(raw.value.bytes, raw.value.totalBytes, raw.value.name, { published: input.published, outlet: input.outlet });
    if (!decoded.ok) return decoded;
    const lexicon = await loadLexicon(deps);
    if (!lexicon.ok) return lexicon;
    const doc = decoded.value.document;
    const { kind: _kind, ...extraction } = extract(doc, lexicon.value);
    return ok({
      kind: 'ingest-extraction',
      source: { file: raw.value.name, format: decoded.value.format, published: doc.published, outlet: doc.outlet, title: doc.title, url: doc.url, characters: doc.text.length },
      ...extraction,
    });
  },
});
