/**
 * Raw input to an ingestible document: size and binary checks, UTF-8 decoding, then plain text,
 * HTML (article body extracted) or a JSON document `{text, published, outlet, url, title}`
 * (extra keys ignored), then a check that the text is English. Every refusal is an
 * `invalid-input` failure naming what is wrong.
 */
import { z } from 'zod';
import { isIsoDate } from '../common/dates.js';
import { fail, formatPath, ok, type Result } from '../common/result.js';
import type { IngestDocument } from './extract.js';
import { htmlArticle, looksLikeHtml } from './html.js';

export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type InputFormat = 'text' | 'html' | 'json';

export interface DecodedInput {
  readonly kind: 'decoded-input';
  readonly format: InputFormat;
  readonly document: IngestDocument;
}

const JsonDocumentSchema = z.looseObject({
  text: z.string().min(1, 'the article text is empty'),
  published: z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD').nullable().optional(),
  outlet: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});

const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'on', 'with', 'as', 'was', 'by', 'said', 'it', 'at', 'be', 'are', 'from', 'has', 'have', 'will', 'its', 'an', 'this', 'their', 'which', 'he', 'not', 'or', 'but', 'were', 'would']);

/** The share of words that are common English function words, and the share of letters that are Latin. */
export function englishSignals(text: string): { readonly functionWordShare: number; readonly latinLetterShare: number; readonly words: number } {
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
  const latin = letters.filter((ch) => /[A-Za-z\u00C0-\u024F]/.test(ch)).length;
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const common = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return { functionWordShare: words.length === 0 ? 0 : common / words.length, latinLetterShare: letters.length === 0 ? 0 : latin / letters.length, words: words.length };
}

/** True when a text reads as English: mostly Latin letters, with English function words among them. */
export function isEnglish(text: string): boolean {
  const s = englishSignals(text);
  return s.latinLetterShare >= 0.8 && (s.words < 12 ? s.functionWordShare > 0 : s.functionWordShare >= 0.12);
}

const describeSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Decode raw bytes into a document. `totalBytes` is the input's full size (the bytes may stop at the limit). */
export function decodeInput(
  bytes: Uint8Array,
  totalBytes: number,
  name: string,
  overrides: { readonly published?: string; readonly outlet?: string } = {},
): Result<DecodedInput> {
  const refuse = (message: string) => fail<DecodedInput>('invalid-input', `${name}: ${message}; nothing was extracted`, [{ message, path: '(input)', file: name }]);
  if (totalBytes > MAX_INPUT_BYTES) return refuse(`input is ${describeSize(totalBytes)}, over the 2 MB limit for one article`);
  if (totalBytes === 0) return refuse('input is empty');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return refuse(`input is binary, not text (a zero byte at offset ${nul})`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('input is not UTF-8 text (binary data or another encoding)');
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const controls = (raw.match(/[\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (controls > raw.length / 100) return refuse('input is binary, not text (control characters)');
  if (raw.trim() === '') return refuse('input is empty (only white space)');
  let format: InputFormat = 'text';
  let text = raw.trim();
  let meta: { published: string | null; outlet: string | null; url: string | null; title: string | null } = { published: null, outlet: null, url: null, title: null };
  if (/^\s*\{/.test(raw)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      return refuse(`input starts like JSON but is not valid JSON (${(error as Error).message})`);
    }
    const doc = JsonDocumentSchema.safeParse(parsed);
    if (!doc.success) {
      const issue = doc.error.issues[0];
      return refuse(`JSON document: ${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'invalid'} (expected {text, published, outlet, url, title})`);
    }
    format = 'json';
    text = doc.data.text.trim();
    meta = { published: doc.data.published ?? null, outlet: doc.data.outlet ?? null, url: doc.data.url ?? null, title: doc.data.title ?? null };
  } else if (looksLikeHtml(raw)) {
    const article = htmlArticle(raw);
    format = 'html';
    text = article.text;
    meta = { ...meta, title: article.title, published: article.published };
  }
  if (text.trim() === '') return refuse(format === 'html' ? 'the HTML page has no article text' : 'the article text is empty');
  if (!isEnglish(text)) return refuse('the text does not look like English (the pipeline reads English articles only)');
  if (overrides.published !== undefined && !isIsoDate(overrides.published)) return refuse(`--published must be a date YYYY-MM-DD, got "${overrides.published}"`);
  return ok({
    kind: 'decoded-input',
    format,
    document: {
      kind: 'ingest-document',
      text,
      published: overrides.published ?? meta.published,
      outlet: overrides.outlet ?? meta.outlet,
      title: meta.title,
      url: meta.url,
    },
  });
}
