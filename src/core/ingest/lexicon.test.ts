import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInLexicon } from '../../../test/helpers/ingest.js';
import { ROOT } from '../../../test/helpers/cli.js';
import { ConditionsFileSchema, PeopleFileSchema, phrasePattern } from './lexicon.js';
import { readIngestLexicon } from '../../store/files/ingest-lexicon.js';

describe('the ingestion lexicon (data/ingest)', () => {
  it('validates every file', async () => {
    const { raw } = await builtInLexicon();
    expect(raw.people.people.length).toBeGreaterThan(40);
    expect(raw.institutions.institutions.map((i) => i.id)).toEqual(expect.arrayContaining(['MND', 'JCS-ROK', 'DoD', 'USFK', 'White-House', 'presidential-office']));
  });
  it('cites a source of the public record for every person and institution', async () => {
    const { raw } = await builtInLexicon();
    const ids = new Set((parse(readFileSync(join(ROOT, 'data', 'datasets', 'opcon-public-record', 'sources.yaml'), 'utf8')) as { id: string }[]).map((s) => s.id));
    const cited = [...raw.people.people.flatMap((p) => p.roles.map((r) => r.source)), ...raw.institutions.institutions.map((i) => i.source)];
    expect(cited.filter((tag) => !ids.has(tag))).toEqual([]);
  });
  it('gives no side phrase two sides and no person two entries', async () => {
    const { raw } = await builtInLexicon();
    const lists = Object.entries(raw.sideWords).filter(([k]) => k !== 'version') as [string, string[]][];
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [side, phrases] of lists) for (const p of phrases) if (seen.has(p) && seen.get(p) !== side) clashes.push(p);
    for (const [side, phrases] of lists) for (const p of phrases) seen.set(p, side);
    expect(clashes).toEqual([]);
    const names = raw.people.people.flatMap((p) => [p.name, ...p.aliases]);
    expect(names.length).toBe(new Set(names).size);
  });
  it('rejects an invalid pattern and a malformed date, naming them', () => {
    const bad = ConditionsFileSchema.safeParse({ version: 1, since: '2014-01-01', contextPatterns: ['('], conditions: [{ id: 'capability_to_lead', patterns: ['ok'] }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('not a valid regular expression');
    const person = PeopleFileSchema.safeParse({ version: 1, people: [{ name: 'X Y', side: 'ROK', roles: [{ title: 't', from: '2025-13', source: 'S1' }] }] });
    expect(person.success).toBe(false);
  });
  it('reports every missing file of a folder that is not a lexicon', async () => {
    const result = await readIngestLexicon(join(ROOT, 'test'));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error.problems.map((p) => p.message)).toContain('no such file');
  });
  it('matches phrases as whole words, longest first', () => {
    const pattern = phrasePattern(['Korea', 'South Korea', 'U.S.']);
    expect([...'South Korea and the U.S. and Koreans'.matchAll(pattern)].map((m) => m[0])).toEqual(['South Korea', 'U.S.']);
  });
});
