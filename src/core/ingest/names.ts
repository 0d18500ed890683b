/**
 * People named in a document: full names with the title before them and the appositive after
 * them ("Minister Alpha, the country's defense chief,"), and short mentions
 * ("Mr Roh", "Sharp", "President Lee") linked to the most recent full name they abbreviate
 * (in-document alias linking). Korean names put the family name first, so "Roh" abbreviates
 * "Roh Moo-hyun" while "Sharp" abbreviates "Walter L. Sharp".
 */
import type { CompiledLexicon, Person } from './lexicon.js';

export interface PersonMention {
  readonly kind: 'person-mention';
  /** The name as written, without title. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Title written just before the name ("Defense Minister"), if any. */
  readonly title: string | null;
  /** Description set off by commas just after the name, if any. */
  readonly appositive: string | null;
  /** Index into `mentions` of the full-name mention this one abbreviates (itself when full). */
  readonly fullIndex: number;
  readonly isFull: boolean;
  /** The gazetteer entry, when the name is in it. */
  readonly person: Person | undefined;
}

const PART = String.raw`(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)*|[A-Z]\.(?:[A-Z]\.)*|[“"][A-Z][a-z]+[”"])`;
const SEQUENCE = new RegExp(String.raw`(?<![\w’'.-])${PART}(?:[ \u00a0]+${PART})*`, 'g');

/** Lower-case letters only, so "Lee Jaemyung", "Lee Jae-myung" and "Lee Jae Myung" compare equal. */
export function nameKey(name: string): string {
  return name.replace(/[“"”][^“"”]*[“"”]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

const partsOf = (name: string) => name.split(/[ \u00a0]+/).filter((p) => !/^[“"]/.test(p));

/** True when the first word is a Korean family name (family name first). */
export function isKoreanName(lexicon: CompiledLexicon, name: string): boolean {
  const parts = partsOf(name);
  return parts.length >= 2 && lexicon.koreanSurnames.has(parts[0] ?? '') && parts.slice(1).every((p) => /^[A-Z][a-z]+(-[A-Za-z][a-z]+)?$/.test(p));
}

/** The word a short mention of this person would use: the family name. */
export function surnameOf(lexicon: CompiledLexicon, name: string): string {
  const parts = partsOf(name);
  return (isKoreanName(lexicon, name) ? parts[0] : parts[parts.length - 1]) ?? name;
}

/** The gazetteer entry for a name: full names and aliases compare by letters; surname-only entries by the family name. */
export function findPerson(lexicon: CompiledLexicon, name: string): Person | undefined {
  const key = nameKey(name);
  const full = lexicon.people.find((p) => !p.isSurnameOnly && p.names.some((n) => nameKey(n) === key));
  if (full) return full;
  const surname = nameKey(surnameOf(lexicon, name));
  return lexicon.people.find((p) => p.isSurnameOnly && nameKey(p.name) === surname);
}

const QUALIFIERS = new Set(['Army', 'Navy', 'Air', 'Force', 'Marine', 'Corps', 'former', 'Former', 'acting', 'Acting']);

function titleBefore(text: string, start: number, lexicon: CompiledLexicon): string | null {
  const window = text.slice(Math.max(0, start - 60), start);
  let best: { readonly at: number; readonly title: string } | null = null;
  for (const m of window.matchAll(lexicon.titlePattern)) {
    // The title must reach the name ("Defense Minister Song", "Gen. Paul J. LaCamera").
    if (/^[ \u00a0]*$/.test(window.slice(m.index + m[0].length))) best = { at: m.index, title: window.slice(m.index).trim() };
  }
  if (best === null) return null;
  // Extend back over words that qualify the title: a country ("U.S. Secretary of Defense") or a service ("Army Gen.").
  let at = best.at;
  for (;;) {
    const m = /(\S+)[ \u00a0]+$/.exec(window.slice(0, at));
    if (!m?.[1] || !(QUALIFIERS.has(m[1]) || lexicon.sidePhrases.some((p) => p.phrase === m[1] && p.value !== 'joint'))) break;
    at = m.index;
  }
  if (at < best.at) {
    // Two-word country names ("South Korean") are one side phrase; take them whole.
    const two = /(\S+[ \u00a0]+\S+)[ \u00a0]+$/.exec(window.slice(0, best.at));
    if (two?.[1] && lexicon.sidePhrases.some((p) => p.phrase === two[1])) at = Math.min(at, two.index);
  }
  return window.slice(at).trim();
}

// A full stop inside an abbreviation ("U.S.", "Gen.") does not end the description.
const ABBREVIATION_DOT = String.raw`(?:\.(?=\S)|(?<=\b[A-Z])\.|(?<=\b(?:Gen|Lt|Col|Maj|Adm|Dr|Mr|Ms|Mrs|No|Jr|Sr|St))\.)`;

function appositiveAfter(text: string, end: number): string | null {
  const m = new RegExp(String.raw`^,[ \u00a0]+((?:[^,.;:“”"()]|${ABBREVIATION_DOT}){3,120}?(?:,[ \u00a0]+[A-Z](?:[^,.;:“”"()]|${ABBREVIATION_DOT}){2,80}?)*?)(?:,[ \u00a0]+(?:\w+[ \u00a0]+){0,2}?(?:said|told|says|added|stated|noted|stressed|warned|explained|announced|on|in|at|who|also|has|had|was|is|will|would)\b|(?<!\b[A-Z]|\b(?:Gen|Lt|Col|Maj|Adm|Dr|Mr|Ms|Mrs|No|Jr|Sr|St))\.(?:\s|$))`).exec(
    text.slice(end, end + 260),
  );
  if (m?.[1] === undefined) return null;
  const phrase = m[1].trim();
  // An appositive describes: it starts with a lower-case word, a determiner or a possessive name.
  return /^(?:[a-z]|the\b|a\b|an\b|[A-Z][\w.-]*(?:[ \u00a0][A-Z][\w.-]*)*’s|[A-Z][\w.-]*(?:[ \u00a0][A-Z][\w.-]*)*'s|[A-Z][\w./-]+(?:[ \u00a0][A-Z][\w./-]+)*[ \u00a0]commander\b)/.test(phrase) ? phrase : null;
}

/** Split a run of capitalised words into title words before and the name itself. */
function nameWithin(words: readonly string[], lexicon: CompiledLexicon): { readonly skip: number; readonly take: number } | null {
  let first = 0;
  while (first < words.length && lexicon.notNameWords.has(words[first]!)) first++;
  let last = first;
  while (last < words.length && !lexicon.notNameWords.has(words[last]!)) last++;
  return last > first ? { skip: first, take: last - first } : null;
}

/** Find the people named in a text and link short mentions to full names. */
export function findPeople(text: string, masked: string, lexicon: CompiledLexicon, quoted: readonly { readonly innerStart: number; readonly innerEnd: number }[] = []): PersonMention[] {
  const raw: { name: string; start: number; end: number; title: string | null }[] = [];
  for (const m of masked.matchAll(SEQUENCE)) {
    if (quoted.some((q) => m.index >= q.innerStart && m.index + m[0].length <= q.innerEnd)) continue;
    const words = m[0].split(/[ \u00a0]+/);
    const found = nameWithin(words, lexicon);
    if (!found) continue;
    const offset = m.index + words.slice(0, found.skip).reduce((n, w) => n + w.length + 1, 0);
    const name = text.slice(offset, offset + words.slice(found.skip, found.skip + found.take).join(' ').length);
    raw.push({ name, start: offset, end: offset + name.length, title: titleBefore(text, offset, lexicon) });
  }
  const mentions: PersonMention[] = [];
  const fullBySurname = new Map<string, number>();
  const isPersonLike = (r: (typeof raw)[number], person: Person | undefined) =>
    person !== undefined || r.title !== null || isKoreanName(lexicon, r.name) || /^[A-Z][a-z]+[ \u00a0]+(?:[A-Z]\.[ \u00a0]+|[“"][A-Z][a-z]+[”"][ \u00a0]+)*[A-Z][a-z]+$/.test(r.name);
  // Full names first, in order, so that a short mention can look back to the latest one.
  const fulls = raw.filter((r) => partsOf(r.name).length >= 2 && isPersonLike(r, findPerson(lexicon, r.name)));
  const laterFull = (surname: string, at: number) => fulls.find((f) => f.start > at && nameKey(surnameOf(lexicon, f.name)) === surname);
  for (const r of raw) {
    const parts = partsOf(r.name);
    const person = findPerson(lexicon, r.name);
    if (parts.length >= 2 && fulls.includes(r)) {
      const index = mentions.length;
      fullBySurname.set(nameKey(surnameOf(lexicon, r.name)), index);
      mentions.push({ kind: 'person-mention', name: r.name, start: r.start, end: r.end, title: r.title, appositive: appositiveAfter(text, r.end), fullIndex: index, isFull: true, person });
      continue;
    }
    if (parts.length !== 1) continue;
    const surname = nameKey(r.name);
    // "Minister Alpha … Alpha said": with no full name, later mentions link to the first one.
    const earlier = fullBySurname.get(surname) ?? mentions.find((m) => !m.isFull && nameKey(m.name) === surname)?.fullIndex;
    // A lone word is a person only when it abbreviates a full name, has a title, or is in the gazetteer.
    if (earlier === undefined && r.title === null && person === undefined && laterFull(surname, r.start) === undefined) continue;
    const index = mentions.length;
    mentions.push({ kind: 'person-mention', name: r.name, start: r.start, end: r.end, title: r.title, appositive: appositiveAfter(text, r.end), fullIndex: earlier ?? index, isFull: false, person: earlier === undefined ? person : mentions[earlier]?.person });
  }
  // A short mention before any full name (a headline "Roh says") links forward to the first full one.
  return mentions.map((m) => {
    if (m.isFull || m.fullIndex !== mentions.indexOf(m)) return m;
    const ahead = mentions.findIndex((o) => o.isFull && nameKey(surnameOf(lexicon, o.name)) === nameKey(m.name));
    return ahead < 0 ? m : { ...m, fullIndex: ahead, person: mentions[ahead]?.person };
  });
}
