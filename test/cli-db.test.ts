import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, opcon } from './helpers/cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'opcon-cli-db-'));
const count = (db: string, table: string) => JSON.parse(opcon(['db', 'status', '--json'], { OPCON_DB: db }).stdout).counts[table] as number;

describe('opcon db, export, import, backup, restore', () => {
  it('seeds idempotently', () => {
    const db = freshDb();
    const first = opcon(['db', 'seed'], { OPCON_DB: db });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/added 147 sources/);
    const second = opcon(['db', 'seed'], { OPCON_DB: db });
    expect(second.stdout).toMatch(/nothing new; 489 already present unchanged/);
    expect(count(db, 'assessments')).toBe(48);
  });

  it('exports, imports into an empty database, and exports the same bytes (JSON and YAML)', () => {
    const dir = scratch();
    const db = freshDb();
    opcon(['db', 'seed'], { OPCON_DB: db });
    for (const format of ['json', 'yaml']) {
      const file = join(dir, `export.${format}`);
      expect(opcon(['export', '--format', format, '--out', file], { OPCON_DB: db }).code).toBe(0);
      const other = freshDb();
      const imported = opcon(['import', file], { OPCON_DB: other });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const again = opcon(['export', '--format', format], { OPCON_DB: other });
      expect(again.stdout).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('rejects an import with bad rows whole, listing every bad row with line, field and reason', () => {
    const dir = scratch();
    const db = freshDb();
    opcon(['db', 'seed'], { OPCON_DB: db });
    const csv = opcon(['export', '--format', 'csv'], { OPCON_DB: db }).stdout;
    const header = csv.split('\n')[0]!;
    const good = 'as-new-1,ROK,C1.c2-isr,,2026-06-01,2,0.4,A new estimate for the test.,public-record-estimate,,S94,Tester,PUBLIC,2026-06-02T00:00:00Z,';
    const badRating = 'as-new-2,ROK,C1.c2-isr,,2026-06-01,5,0.4,Bad rating.,public-record-estimate,,S94,Tester,PUBLIC,2026-06-02T00:00:00Z,';
    const badDate = 'as-new-3,US,C1.c2-isr,,2026-02-30,1,0.4,Bad date.,public-record-estimate,,S94,Tester,PUBLIC,2026-06-02T00:00:00Z,';
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [header, good, badRating, badDate].join('\n') + '\n');
    const before = count(db, 'assessments');
    const r = opcon(['import', file], { OPCON_DB: db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:3 +rating/);
    expect(r.stderr).toMatch(/bad\.csv:4 +asOf +expected a calendar date/);
    expect(count(db, 'assessments')).toBe(before);
    const unknown = join(dir, 'unknown.csv');
    writeFileSync(unknown, [header, good.replace('C1.c2-isr', 'C9.nothing')].join('\n') + '\n');
    const refs = opcon(['import', unknown], { OPCON_DB: db });
    expect(refs.code).toBe(2);
    expect(refs.stderr).toMatch(/unknown\.csv:2 +as-new-1\.criterionId +unknown criterion "C9\.nothing"/);
    const ok = join(dir, 'good.csv');
    writeFileSync(ok, [header, good].join('\n') + '\n');
    expect(opcon(['import', ok], { OPCON_DB: db }).stdout).toMatch(/added 1 assessments/);
    expect(opcon(['import', ok], { OPCON_DB: db }).stdout).toMatch(/nothing new; 1 already present unchanged/);
    expect(count(db, 'assessments')).toBe(before + 1);
  });

  it('refuses to overwrite: a changed record with a known id is a conflict (exit 5)', () => {
    const dir = scratch();
    const db = freshDb();
    opcon(['db', 'seed'], { OPCON_DB: db });
    const csv = opcon(['export', '--format', 'csv'], { OPCON_DB: db }).stdout.split('\n');
    const changed = csv[1]!.replace(/,0\.\d+,/, ',0.99,');
    const file = join(dir, 'changed.csv');
    writeFileSync(file, [csv[0], changed].join('\n') + '\n');
    const r = opcon(['import', file], { OPCON_DB: db });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/already recorded with different content; records are never edited/);
  });

  it('backs up and restores a SQLite database', () => {
    const dir = scratch();
    const db = freshDb();
    opcon(['db', 'seed'], { OPCON_DB: db });
    const backup = join(dir, 'backup.db');
    expect(opcon(['backup', backup], { OPCON_DB: db }).stdout).toMatch(/backed up to .*backup\.db \(\d+ bytes\)/);
    const header = opcon(['export', '--format', 'csv'], { OPCON_DB: db }).stdout.split('\n')[0]!;
    const file = join(dir, 'one.csv');
    writeFileSync(file, `${header}\nas-after-backup,US,C1.c2-isr,,2026-06-01,1,0.4,After the backup.,public-record-estimate,,S94,Tester,PUBLIC,2026-06-02T00:00:00Z,\n`);
    opcon(['import', file], { OPCON_DB: db });
    expect(count(db, 'assessments')).toBe(49);
    expect(opcon(['restore', backup], { OPCON_DB: db }).code).toBe(0);
    expect(count(db, 'assessments')).toBe(48);
    const notADb = join(dir, 'not-a-db.db');
    writeFileSync(notADb, 'hello');
    expect(opcon(['restore', notADb], { OPCON_DB: db }).code).not.toBe(0);
    expect(count(db, 'assessments')).toBe(48);
  });

  it('explains a bad --db clearly', () => {
    expect(opcon(['brief', '--db', 'mysql://x/y']).stderr).toMatch(/unsupported database/);
    expect(opcon(['brief', '--db', 'mysql://x/y']).code).toBe(2);
    const unreachable = opcon(['db', 'status', '--db', 'postgres://postgres@127.0.0.1:1/none']);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(/cannot connect to postgres:\/\/postgres@127\.0\.0\.1:1\/none/);
  });
});
