/**
 * The versioned data files of the ingestion pipeline (`data/ingest/*.yaml`): speech cues, titles,
 * side words, the people and institutions gazetteers, and the patterns for conditions, stances
 * and forums. Schemas here validate them at the edge; `compileLexicon` turns them into the
 * matchers the rules use, once.
 */
import { z } from 'zod';
import { isPartialDate } from '../common/dates.js';

const SIDES = ['ROK', 'US', 'other'] as const;
export type SpeakerSide = (typeof SIDES)[number];

const Pattern = z.string().min(1).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

// YAML reads a bare 2030 as a number; dates in these files are partial ISO dates either way.
const PartialDate = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .refine(isPartialDate, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

const SourceTag = z.string().regex(/^S[\w-]+$/, 'expected a source tag of the public record, such as S70');

export const SpeechCuesFileSchema = z.strictObject({
  version: z.number().int().positive(),
  verbs: z.array(z.string().regex(/^[a-z]+$/, 'a lemma: one lower-case word')).min(1),
  phrases: z.array(z.string().min(1)),
  participles: z.array(z.string().regex(/^[a-z]+ing$/, 'a participle ending in -ing')),
});

export const TitlesFileSchema = z.strictObject({
  version: z.number().int().positive(),
  titles: z.array(z.strictObject({ title: z.string().min(1), side: z.enum(SIDES).optional() })).min(1),
  roleNouns: z.array(z.string().regex(/^[a-zé]+$/, 'one lower-case word')).min(1),
});

export const SideWordsFileSchema = z.strictObject({
  version: z.number().int().positive(),
  other: z.array(z.string().min(1)),
  joint: z.array(z.string().min(1)),
  ROK: z.array(z.string().min(1)).min(1),
  US: z.array(z.string().min(1)).min(1),
});

const RoleSchema = z.strictObject({
  title: z.string().min(1),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  source: SourceTag,
});

export const NamesFileSchema = z.strictObject({
  version: z.number().int().positive(),
  koreanSurnames: z.array(z.string().regex(/^[A-Z][a-z]+$/, 'a capitalised word')).min(1),
  notNameWords: z.array(z.string().min(1)).min(1),
});

export const PeopleFileSchema = z.strictObject({
  version: z.number().int().positive(),
  people: z
    .array(
      z.strictObject({
        name: z.string().min(2),
        aliases: z.array(z.string().min(2)).default([]),
        isSurnameOnly: z.boolean().default(false),
        side: z.enum(SIDES),
        roles: z.array(RoleSchema).min(1),
      }),
    )
    .min(1),
});

export const InstitutionsFileSchema = z.strictObject({
  version: z.number().int().positive(),
  institutions: z
    .array(z.strictObject({ id: z.string().min(1), side: z.enum(SIDES), source: SourceTag, names: z.array(z.string().min(2)).min(1) }))
    .min(1),
});

export const ConditionsFileSchema = z.strictObject({
  version: z.number().int().positive(),
  since: PartialDate,
  contextPatterns: z.array(Pattern).min(1),
  conditions: z
    .array(z.strictObject({ id: z.enum(['capability_to_lead', 'strike_and_air_defense', 'regional_security_environment']), patterns: z.array(Pattern).min(1) }))
    .min(1),
});

export const StancesFileSchema = z.strictObject({
  version: z.number().int().positive(),
  accelerate: z.array(Pattern).min(1),
  cautious: z.array(Pattern).min(1),
  neutral: z.array(Pattern).min(1),
  negators: z.array(Pattern),
});

export const ForumsFileSchema = z.strictObject({
  version: z.number().int().positive(),
  forums: z
    .array(
      z.strictObject({
        label: z.string().regex(/^(SCM|MCM|KIDD|summit|other: .+)$/, 'SCM, MCM, KIDD, summit or "other: <name>"'),
        patterns: z.array(Pattern).min(1),
        exclude: z.array(Pattern).default([]),
      }),
    )
    .min(1),
});

export const TimelineFileSchema = z.strictObject({
  version: z.number().int().positive(),
  transition: z.array(Pattern).min(1),
  bilateralEvents: z.array(Pattern).min(1),
  otherEvents: z.array(Pattern).min(1),
  termEnds: z.array(Pattern).min(1),
  termStarts: z.array(Pattern).min(1),
  unrelated: z.array(Pattern),
});

const PlanId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a plan id');

/** How extraction labels become the plan's ids, and the defaults of a source made from an article. */
export const EvidenceFileSchema = z.strictObject({
  version: z.number().int().positive(),
  conditions: z.partialRecord(z.enum(['capability_to_lead', 'strike_and_air_defense', 'regional_security_environment']), PlanId),
  forums: z.record(z.string().min(1), PlanId),
  source: z.strictObject({ sourceKind: z.literal('news'), defaultReliability: z.enum(['A', 'B', 'C', 'D', 'E']) }),
});

/** Each data file's name and schema: the one list the loader and the tests go through. */
export const LEXICON_FILES = {
  speechCues: { file: 'speech-cues.yaml', schema: SpeechCuesFileSchema },
  titles: { file: 'titles.yaml', schema: TitlesFileSchema },
  sideWords: { file: 'side-words.yaml', schema: SideWordsFileSchema },
  names: { file: 'names.yaml', schema: NamesFileSchema },
  people: { file: 'people.yaml', schema: PeopleFileSchema },
  institutions: { file: 'institutions.yaml', schema: InstitutionsFileSchema },
  conditions: { file: 'conditions.yaml', schema: ConditionsFileSchema },
  stances: { file: 'stances.yaml', schema: StancesFileSchema },
  forums: { file: 'forums.yaml', schema: ForumsFileSchema },
  timeline: { file: 'timeline.yaml', schema: TimelineFileSchema },
  evidence: { file: 'evidence.yaml', schema: EvidenceFileSchema },
} as const;

export type LexiconPart = keyof typeof LEXICON_FILES;

/** The data files as validated: plain data, one field per file. */
export type IngestLexicon = { readonly kind: 'ingest-lexicon' } & {
  readonly [K in LexiconPart]: z.output<(typeof LEXICON_FILES)[K]['schema']>;
};

export interface PhraseEntry<T> {
  readonly phrase: string;
  readonly value: T;
}

export interface Person {
  readonly name: string;
  readonly names: readonly string[];
  readonly isSurnameOnly: boolean;
  readonly side: SpeakerSide;
  readonly roles: readonly { readonly title: string; readonly from?: string; readonly to?: string; readonly source: string }[];
}

export type PhraseSide = SpeakerSide | 'joint';

/** The lexicon ready for matching: regular expressions compiled, phrase lists sorted longest first. */
export interface CompiledLexicon {
  readonly kind: 'compiled-lexicon';
  readonly cueLemmas: ReadonlySet<string>;
  readonly cuePhrases: RegExp;
  readonly participles: ReadonlySet<string>;
  readonly titles: readonly PhraseEntry<SpeakerSide | undefined>[];
  readonly titlePattern: RegExp;
  readonly roleNouns: ReadonlySet<string>;
  /** Side words and institution names, longest first, each with its side. */
  readonly sidePhrases: readonly PhraseEntry<PhraseSide>[];
  readonly sidePattern: RegExp;
  readonly institutionPattern: RegExp;
  readonly institutions: ReadonlyMap<string, { readonly id: string; readonly side: SpeakerSide }>;
  readonly people: readonly Person[];
  readonly koreanSurnames: ReadonlySet<string>;
  /** Capitalised words that never belong to a person's name, title words included. */
  readonly notNameWords: ReadonlySet<string>;
  readonly conditionsSince: string;
  readonly conditionContext: readonly RegExp[];
  readonly conditions: readonly { readonly id: string; readonly patterns: readonly RegExp[] }[];
  readonly stanceCues: readonly { readonly stance: 'accelerate' | 'cautious' | 'neutral'; readonly pattern: RegExp }[];
  readonly negators: readonly RegExp[];
  readonly forums: readonly { readonly label: string; readonly patterns: readonly RegExp[]; readonly exclude: readonly RegExp[] }[];
  readonly timeline: { readonly [K in TimelineSignal]: RegExp };
}

export type TimelineSignal = 'transition' | 'bilateralEvents' | 'otherEvents' | 'termEnds' | 'termStarts' | 'unrelated';

/** One case-insensitive alternation of several patterns, matching globally. */
function anyOf(patterns: readonly string[]): RegExp {
  return new RegExp(patterns.length === 0 ? '(?!)' : patterns.map((p) => `(?:${p})`).join('|'), 'gi');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of whole-word phrases, longest first, so the longest phrase wins at a position. */
export function phrasePattern(phrases: readonly string[], flags = 'g'): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\w-])(?:${sorted.join('|')})(?![\\w-])`, flags);
}

/** Compile the validated data files into matchers. */
export function compileLexicon(lexicon: IngestLexicon): CompiledLexicon {
  const institutions = new Map<string, { id: string; side: SpeakerSide }>();
  for (const inst of lexicon.institutions.institutions) for (const name of inst.names) institutions.set(name, { id: inst.id, side: inst.side });
  const sides = lexicon.sideWords;
  // Common-noun phrases ("both delegations") may open a sentence, so they match capitalised too.
  const withCapital = (phrases: readonly string[]) => phrases.flatMap((p) => (/^[a-z]/.test(p) ? [p, p[0]!.toUpperCase() + p.slice(1)] : [p]));
  const sidePhrases: PhraseEntry<PhraseSide>[] = [
    ...withCapital(sides.other).map((phrase) => ({ phrase, value: 'other' as const })),
    ...withCapital(sides.joint).map((phrase) => ({ phrase, value: 'joint' as const })),
    ...sides.ROK.map((phrase) => ({ phrase, value: 'ROK' as const })),
    ...sides.US.map((phrase) => ({ phrase, value: 'US' as const })),
  ];
  const titles = lexicon.titles.titles.map((t) => ({ phrase: t.title, value: t.side }));
  const compile = (patterns: readonly string[], flags: string) => patterns.map((p) => new RegExp(p, flags));
  return {
    kind: 'compiled-lexicon',
    cueLemmas: new Set(lexicon.speechCues.verbs),
    cuePhrases: phrasePattern(lexicon.speechCues.phrases, 'gi'),
    participles: new Set(lexicon.speechCues.participles),
    titles,
    titlePattern: phrasePattern(titles.map((t) => t.phrase)),
    roleNouns: new Set(lexicon.titles.roleNouns),
    sidePhrases,
    sidePattern: phrasePattern(sidePhrases.map((s) => s.phrase)),
    institutionPattern: phrasePattern([...institutions.keys()]),
    institutions,
    people: lexicon.people.people.map((p) => ({ name: p.name, names: [p.name, ...p.aliases], isSurnameOnly: p.isSurnameOnly, side: p.side, roles: p.roles })),
    koreanSurnames: new Set(lexicon.names.koreanSurnames),
    notNameWords: new Set([...lexicon.names.notNameWords, ...titles.flatMap((t) => t.phrase.split(' '))]),
    conditionsSince: lexicon.conditions.since,
    conditionContext: compile(lexicon.conditions.contextPatterns, 'i'),
    conditions: lexicon.conditions.conditions.map((c) => ({ id: c.id, patterns: compile(c.patterns, 'i') })),
    stanceCues: (['accelerate', 'cautious', 'neutral'] as const).flatMap((stance) => compile(lexicon.stances[stance], 'gi').map((pattern) => ({ stance, pattern }))),
    negators: compile(lexicon.stances.negators, 'i'),
    forums: lexicon.forums.forums.map((f) => ({ label: f.label, patterns: compile(f.patterns, ''), exclude: compile(f.exclude, '') })),
    timeline: {
      transition: anyOf(lexicon.timeline.transition),
      bilateralEvents: anyOf(lexicon.timeline.bilateralEvents),
      otherEvents: anyOf(lexicon.timeline.otherEvents),
      termEnds: anyOf(lexicon.timeline.termEnds),
      termStarts: anyOf(lexicon.timeline.termStarts),
      unrelated: anyOf(lexicon.timeline.unrelated),
    },
  };
}
