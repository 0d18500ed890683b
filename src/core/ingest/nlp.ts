/**
 * The one adapter to wink-nlp and its English model: sentences, tokens with character
 * offsets, part-of-speech tags and lemmas. wink does no I/O after import, so core may use it;
 * everything else in the pipeline sees only the plain `Analysis` below.
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  readonly text: string;
  /** Character offsets in the analysed text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Universal POS tag (NOUN, VERB, PROPN, …). */
  readonly pos: string;
  readonly lemma: string;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

export interface Analysis {
  readonly kind: 'analysis';
  readonly sentences: readonly Sentence[];
}

// Loading the model takes a few hundred milliseconds, so it happens once, on first use.
let engine: ReturnType<typeof winkNLP> | undefined;

/** Split text into sentences and tagged, lemmatised tokens with character offsets. */
export function analyse(text: string): Analysis {
  engine ??= winkNLP(model, ['sbd', 'pos']);
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink's typings declare `its.lemma` with a signature `out` does not accept; it works at run time.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    // wink keeps token text verbatim, so each token is found at or after the previous one.
    const at = text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + value.length;
    cursor = end;
    tokens.push({ text: value, start, end, pos: tags[i] ?? 'X', lemma: lemmas[i] ?? value.toLowerCase() });
  });
  const spans = doc.sentences().out(its.span) as unknown as (readonly [number, number])[];
  const sentences = spans.map(([first, last]) => {
    const own = tokens.slice(first, last + 1).filter((t) => t.pos !== 'SPACE');
    return { start: own[0]?.start ?? 0, end: own[own.length - 1]?.end ?? 0, tokens: own };
  });
  return { kind: 'analysis', sentences: sentences.filter((s) => s.tokens.length > 0) };
}
