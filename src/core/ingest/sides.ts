/**
 * Which side a phrase speaks for, from the words inside it: the people gazetteer, institution
 * names, then side words ("a South Korean official", "a Pentagon spokesperson"). Nothing outside
 * the phrase is consulted: a side is never guessed from another institution in the sentence.
 */
import type { CompiledLexicon, PhraseSide, SpeakerSide } from './lexicon.js';
import { findPerson, isKoreanName } from './names.js';

interface Hit {
  readonly at: number;
  readonly side: PhraseSide;
  readonly isInstitution: boolean;
}

function hits(lexicon: CompiledLexicon, phrase: string): Hit[] {
  const found: Hit[] = [];
  const taken: (readonly [number, number])[] = [];
  for (const m of phrase.matchAll(lexicon.institutionPattern)) {
    const inst = lexicon.institutions.get(m[0]);
    if (!inst) continue;
    found.push({ at: m.index, side: inst.side, isInstitution: true });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of phrase.matchAll(lexicon.sidePattern)) {
    // A side word inside an institution's name ("U.S. Forces Korea") belongs to the institution.
    if (taken.some(([from, to]) => m.index >= from && m.index < to)) continue;
    const entry = lexicon.sidePhrases.find((p) => p.phrase === m[0]);
    if (entry) found.push({ at: m.index, side: entry.value, isInstitution: false });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The side a phrase names. Order: words that carry no side (academics, North Korea, other
 * countries), then joint words ("the allies", "U.S.-South Korean"), then ROK or US institutions, then ROK or
 * US words (the first one wins), then joint bodies such as CFC.
 */
export function sideOfPhrase(lexicon: CompiledLexicon, phrase: string): PhraseSide | undefined {
  const found = hits(lexicon, phrase);
  const first = (test: (h: Hit) => boolean) => found.find(test)?.side;
  return (
    first((h) => !h.isInstitution && h.side === 'other') ??
    first((h) => h.side === 'joint') ??
    first((h) => h.isInstitution && (h.side === 'ROK' || h.side === 'US')) ??
    first((h) => !h.isInstitution && (h.side === 'ROK' || h.side === 'US')) ??
    first((h) => h.isInstitution)
  );
}

/** The side of a named person: gazetteer, then their title and description, then a Korean name. */
export function sideOfPerson(lexicon: CompiledLexicon, name: string, description: string): SpeakerSide | 'joint' | undefined {
  const person = findPerson(lexicon, name);
  if (person) return person.side;
  const title = lexicon.titles.find((t) => t.value !== undefined && description.includes(t.phrase));
  const fromWords = sideOfPhrase(lexicon, description);
  if (fromWords !== undefined) return fromWords;
  if (title?.value !== undefined) return title.value;
  // Korean government figures are written with Korean names; a Korean academic or a North Korean
  // has already been caught by the side words of the description above.
  return isKoreanName(lexicon, name) ? 'ROK' : undefined;
}
