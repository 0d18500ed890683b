/**
 * `ingest.add`: extract each article of a file or folder and store it, with its proposed
 * statements, for review. One transaction per article; an article stored before (same URL or
 * same text) writes nothing and says so; a refused article writes nothing either.
 */
import { z } from 'zod';
import { isIsoDate } from '../../core/common/dates.js';
import { fail, ok, type Failure, type Result } from '../../core/common/result.js';
import { extract } from '../../core/ingest/extract.js';
import { decodeInput, MAX_INPUT_BYTES } from '../../core/ingest/input.js';
import type { CompiledLexicon } from '../../core/ingest/lexicon.js';
import { proposalsOf } from '../../core/ingest/proposals.js';
import { auditStamp, defineOperation, type Deps } from '../operation.js';
import type { AddedDocument, InputBytes, LedgerDatabase } from '../ports.js';
import { loadLexicon } from './ingest-extract.js';

export interface AddedItem {
  readonly kind: 'ingest-added-item';
  readonly file: string;
  readonly status: 'added' | 'stored-before' | 'refused';
  readonly added: AddedDocument | null;
  readonly error: Failure | null;
}

export interface AddReport {
  readonly kind: 'ingest-add-report';
  readonly path: string;
  readonly isFolder: boolean;
  readonly items: readonly AddedItem[];
  readonly counts: { readonly added: number; readonly storedBefore: number; readonly refused: number; readonly proposals: number };
}

interface Overrides {
  readonly published?: string;
  readonly outlet?: string;
  readonly url?: string;
}

async function addOne(deps: Deps, db: LedgerDatabase, lexicon: CompiledLexicon, file: string, overrides: Overrides): Promise<Result<AddedDocument>> {
  const raw = await deps.ingest.readInput(file, MAX_INPUT_BYTES);
  if (!raw.ok) return raw;
  return addBytes(deps, db, lexicon, raw.value, overrides);
}

/** Decode, extract and store one article's bytes; refused input stores nothing. */
async function addBytes(deps: Deps, db: LedgerDatabase, lexicon: CompiledLexicon, raw: InputBytes, overrides: Overrides): Promise<Result<AddedDocument>> {
  const decoded = decodeInput(raw.bytes, raw.totalBytes, raw.name, { published: overrides.published, outlet: overrides.outlet });
  if (!decoded.ok) return fail(decoded.error.code, decoded.error.message.replace(/nothing was extracted$/, 'nothing was stored'), decoded.error.problems);
  const doc = { ...decoded.value.document, url: overrides.url ?? decoded.value.document.url };
  if (doc.published !== null && doc.published > deps.clock.today()) {
    return fail('future-date', `${raw.name}: published ${doc.published} is after today (${deps.clock.today()}); nothing was stored`, [], 'published');
  }
  const proposals = proposalsOf(doc.text, extract(doc, lexicon));
  return db.addDocument({ kind: 'new-ingest-document', text: doc.text, file: raw.name, format: decoded.value.format, published: doc.published, outlet: doc.outlet, title: doc.title, url: doc.url }, proposals, deps.clock.now(), auditStamp(deps, 'ingest.add', raw.name));
}

export const ingestAddOperation = defineOperation({
  name: 'ingest.add',
  access: 'local',
  isWrite: true,
  summary: 'Extract and store articles (a file or a folder) with their proposed statements for review; adding one twice stores nothing new',
  input: z.strictObject({
    path: z.string().min(1),
    published: z.string().refine(isIsoDate, 'published: expected a date YYYY-MM-DD').optional(),
    outlet: z.string().trim().min(1).optional(),
    url: z.url({ message: 'url: expected an absolute URL (https://…)' }).optional(),
  }),
  async run(deps, input): Promise<Result<AddReport>> {
    const listed = await deps.ingest.listInputs(input.path);
    if (!listed.ok) return listed;
    const { isFolder, files } = listed.value;
    if (isFolder && input.url !== undefined) return fail('invalid-input', '--url names one article: give it with a file, not a folder', [], 'url');
    const lexicon = await loadLexicon(deps);
    if (!lexicon.ok) return lexicon;
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const items: AddedItem[] = [];
    for (const [i, file] of files.entries()) {
      deps.onProgress?.({ kind: 'progress', label: file, runIndex: 1, runCount: 1, done: i, planned: files.length, unit: 'articles' });
      const added = await addOne(deps, db.value, lexicon.value, file, input);
      // One article on its own fails the command; in a folder, the others go on.
      if (!added.ok && !isFolder) return added;
      items.push(
        added.ok
          ? { kind: 'ingest-added-item', file, status: added.value.isNew ? 'added' : 'stored-before', added: added.value, error: null }
          : { kind: 'ingest-added-item', file, status: 'refused', added: null, error: added.error },
      );
    }
    const count = (status: AddedItem['status']) => items.filter((it) => it.status === status).length;
    return ok({
      kind: 'ingest-add-report',
      path: input.path,
      isFolder,
      items,
      counts: {
        added: count('added'),
        storedBefore: count('stored-before'),
        refused: count('refused'),
        proposals: items.reduce((n, it) => n + (it.status === 'added' ? (it.added?.proposalIds.length ?? 0) : 0), 0),
      },
    });
  },
});

const PublishedSchema = z.string().refine(isIsoDate, 'published: expected a date YYYY-MM-DD');

export const ingestAddTextOperation = defineOperation({
  name: 'ingest.addText',
  access: 'write-evidence',
  isWrite: true,
  summary: 'Extract and store one pasted or uploaded article (text or HTML) with its proposed statements for review',
  input: z.strictObject({
    /** Plain text or HTML; at most 2 MB. */
    text: z.string().min(1, 'text: must not be empty'),
    published: PublishedSchema.optional(),
    outlet: z.string().trim().min(1).optional(),
    url: z.url({ message: 'url: expected an absolute URL (https://…)' }).optional(),
    title: z.string().trim().min(1).optional(),
    /** The file name, when uploaded. */
    name: z.string().trim().min(1).max(200).default('pasted article'),
  }),
  async run(deps, input): Promise<Result<AddedDocument>> {
    const lexicon = await loadLexicon(deps);
    if (!lexicon.ok) return lexicon;
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const isHtml = /^\s*</.test(input.text);
    // A JSON document carries the title and URL the same way an imported file would.
    const body = isHtml ? input.text : JSON.stringify({ text: input.text, published: input.published, outlet: input.outlet, url: input.url, title: input.title });
    const bytes = new TextEncoder().encode(body);
    const raw: InputBytes = { kind: 'input-bytes', name: input.name, bytes: bytes.subarray(0, MAX_INPUT_BYTES + 1), totalBytes: bytes.length };
    return addBytes(deps, db.value, lexicon.value, raw, input);
  },
});
