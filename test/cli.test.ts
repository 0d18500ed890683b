import { readFileSync, writeFileSync, mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDataset, DEFAULT_PLAN, freshDb, opcon } from './helpers/cli.js';

const ANSI = /\u001b\[/;

describe('opcon --help', () => {
  it('lists the commands, examples and exit codes', () => {
    const r = opcon(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['brief', 'timeline', 'sources', 'criteria', 'plan', 'Exit codes:', 'OPCON_DATASET', 'Examples:']) expect(r.stdout).toContain(word);
  });
  it('exits 2 on an unknown command or option', () => {
    expect(opcon(['brieff']).code).toBe(2);
    expect(opcon(['brief', '--party', 'NK']).code).toBe(2);
  });
});

describe('opcon brief', () => {
  it('loads the default dataset into a new database on first use, once', () => {
    const db = freshDb();
    const first = opcon(['brief'], { OPCON_DB: db });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Loaded .*opcon-public-record into sqlite:.*\(first use\): 147 sources/);
    const second = opcon(['brief'], { OPCON_DB: db });
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });
  it('prints every section, plain when piped', () => {
    opcon(['db', 'migrate']);
    const r = opcon(['brief']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    for (const section of ['STAGES', 'CONDITIONS', 'DIVERGENCE', 'DECISIONS AND ESCALATION', 'KEY DATES', 'MOST RECENT STATEMENTS']) {
      expect(r.stdout).toContain(section);
    }
    expect(r.stdout).toContain('brief as of 2026-11-23');
    expect(r.stdout).not.toMatch(ANSI);
  });
  it('colours when asked to', () => {
    expect(opcon(['brief'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
  });
  it('prints stable JSON', () => {
    const a = opcon(['brief', '--json', '--as-of', '2025-12-31']);
    const b = opcon(['brief', '--json', '--as-of', '2025-12-31']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const brief = JSON.parse(a.stdout);
    expect(brief).toMatchObject({ kind: 'brief', schemaVersion: 1, picture: { kind: 'picture', scope: { asOf: '2025-12-31', audience: 'all' } } });
    expect(brief.picture.sides).toEqual(['ROK', 'US']);
  });
  it('travels in time: an earlier as-of sees less of the record', () => {
    const early = JSON.parse(opcon(['brief', '--json', '--as-of', '2015-01-01']).stdout);
    const late = JSON.parse(opcon(['brief', '--json']).stdout);
    expect(early.picture.counts.statements).toBeLessThan(late.picture.counts.statements);
    expect(early.picture.scope.knownAt).toBe('2015-01-01T23:59:59.999Z');
  });
});

describe('bad input', () => {
  it('rejects a future as-of date with exit 2 and one clear message', () => {
    const r = opcon(['brief', '--as-of', '2030-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2030-01-01 is in the future');
    expect(r.stdout).toBe('');
  });
  it('rejects a malformed date with exit 2 naming the option', () => {
    const r = opcon(['brief', '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/asOf: expected a calendar date in the form YYYY-MM-DD/);
  });
  it('rejects an unknown id with exit 3 and a suggestion', () => {
    const r = opcon(['criteria', '--condition', 'c1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('unknown condition "c1" (did you mean "C1"?)');
    expect(opcon(['timeline', '--forum', 'NATO']).code).toBe(3);
  });
  it('rejects an unreadable dataset folder with exit 4', () => {
    const r = opcon(['brief'], { OPCON_DATASET: join(tmpdir(), 'no-such-dataset') });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('not a dataset folder');
  });
  it('reports a bad record in the dataset with its file and line, exit 2', () => {
    const dir = copyDataset();
    appendFileSync(join(dir, 'statements.yaml'), '\n- id: st-bad\n  sourceId: S-NOPE\n  text: x\n  isVerbatim: true\n  speaker: null\n  role: null\n  side: ROK\n  stance: sideways\n  saidOn: 2026-13-01\n  recordedAt: 2026-01-01T12:00:00Z\n');
    const r = opcon(['brief'], { OPCON_DATASET: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/statements\.yaml:\d+:\d+ +\[\d+\]\.stance/);
    expect(r.stderr).toMatch(/statements\.yaml:\d+:\d+ +\[\d+\]\.saidOn/);
  });
  it('reports an unknown citation with its file and line', () => {
    const dir = copyDataset();
    appendFileSync(join(dir, 'events.yaml'), '\n- id: ev-test\n  date: 2020-01-01\n  title: Test\n  category: forum\n  sourceIds: [S-NOPE]\n  recordedAt: 2020-01-01T12:00:00Z\n');
    const r = opcon(['timeline'], { OPCON_DATASET: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/events\.yaml:\d+:\d+ +\[\d+\]\.sourceIds\[0\] +unknown source "S-NOPE"/);
  });
});

describe('releasability in the CLI', () => {
  it('a ROK reader never sees US-ONLY evidence, and the brief is marked for what it holds', () => {
    const dir = copyDataset();
    appendFileSync(
      join(dir, 'statements.yaml'),
      '\n- id: st-us-only-probe\n  sourceId: S94\n  text: US-ONLY PROBE TEXT\n  isVerbatim: false\n  speaker: null\n  role: test\n  side: US\n  stance: cautious\n  saidOn: 2026-06-30\n  releasability: US-ONLY\n  recordedAt: 2026-06-30T12:00:00Z\n',
    );
    const forRok = opcon(['brief', '--party', 'ROK', '--statements', '100'], { OPCON_DATASET: dir });
    expect(forRok.code).toBe(0);
    expect(forRok.stdout).not.toContain('US-ONLY PROBE TEXT');
    expect(forRok.stdout).toContain('[PUBLIC]');
    const forUs = opcon(['brief', '--party', 'US', '--statements', '100'], { OPCON_DATASET: dir });
    expect(forUs.stdout).toContain('US-ONLY PROBE TEXT');
    expect(forUs.stdout).toContain('[US-ONLY]');
    const rokJson = opcon(['brief', '--party', 'ROK', '--json'], { OPCON_DATASET: dir }).stdout;
    const usJson = JSON.parse(opcon(['brief', '--party', 'US', '--json'], { OPCON_DATASET: dir }).stdout);
    expect(rokJson).not.toContain('st-us-only-probe');
    expect(JSON.parse(rokJson).picture.counts.statements).toBe(usJson.picture.counts.statements - 1);
  });
});

describe('opcon plan', () => {
  it('validates the built-in plan', () => {
    const r = opcon(['plan', 'validate', DEFAULT_PLAN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid plan "opcon" v3 — 3 conditions, 10 criteria, 3 stages/);
  });
  it('reports every problem of a bad plan with file, line and path, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opcon-plan-'));
    const file = join(dir, 'bad.yaml');
    const text = readFileSync(DEFAULT_PLAN, 'utf8')
      .replace(/^version: 3$/m, 'version: -1')
      .replace(/conditionId: C2/, 'conditionId: C7')
      .replace(/^( +)- id: C3\.nk-threat$/m, '$1- id: C3.nk-threat\n$1  colour: red');
    writeFileSync(file, text);
    const r = opcon(['plan', 'validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ +version`));
    expect(r.stderr).toMatch(/:\d+:\d+ +criteria\[\d+\]\.colour +unknown field "colour"/);
    // Cross-references are checked once the structure is valid; structure errors come first.
    const onlyRefs = text.replace(/^version: -1$/m, 'version: 3').replace(/\n +colour: red/, '');
    writeFileSync(file, onlyRefs);
    const r2 = opcon(['plan', 'validate', file]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/:\d+:\d+ +criteria\[\d+\]\.conditionId +unknown condition "C7"/);
  });
  it('exits 4 for a missing file', () => {
    const r = opcon(['plan', 'validate', 'no-such-plan.yaml']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('no such file');
  });
  it('prints a JSON Schema that describes the plan format', () => {
    const r = opcon(['plan', 'schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['parties', 'conditions', 'criteria', 'stages', 'forums', 'targets', 'revisions']));
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'id', 'parties', 'conditions', 'criteria']));
  });
});

describe('lists', () => {
  it('timeline filters by forum and date range', () => {
    const r = opcon(['timeline', '--forum', 'SCM', '--from', '2014', '--to', '2019', '--json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { event: { date: string; forumId?: string } }[];
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.event.forumId).toBe('SCM');
      expect(e.event.date >= '2014' && e.event.date < '2020').toBe(true);
    }
  });
  it('sources lists outlets with URLs and grades', () => {
    const r = opcon(['sources', '--min-grade', 'A']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/source\(s\)/);
    const all = JSON.parse(opcon(['sources', '--json']).stdout) as { source: { reliability: string } }[];
    const a = JSON.parse(opcon(['sources', '--json', '--min-grade', 'A']).stdout) as { source: { reliability: string } }[];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(a.every((e) => e.source.reliability === 'A')).toBe(true);
    expect(a.length).toBeLessThan(all.length);
  });
  it('criteria shows both parties and the history behind a rating', () => {
    const r = opcon(['criteria', '--condition', 'C1', '--json']);
    const entries = JSON.parse(r.stdout) as { criterion: { conditionId: string } }[];
    expect(entries.length).toBe(4);
    expect(entries.every((e) => e.criterion.conditionId === 'C1')).toBe(true);
    const h = opcon(['criteria', '--id', 'C2.three-axis', '--history']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('C2.three-axis — history');
    expect(h.stdout).toContain('[estimate]');
  });
});
