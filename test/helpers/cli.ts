// Runs the built `opcon` command in a child process, as a user would from a shell.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DEFAULT_DATASET = join(ROOT, 'data', 'datasets', 'opcon-public-record');
export const DEFAULT_PLAN = join(ROOT, 'data', 'plans', 'opcon.yaml');
export const TODAY = '2026-11-23';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let sharedDb: string | undefined;

/** A new database already holding the default dataset, so no test sees the first-use notice by accident. */
function seededDb(): string {
  const db = freshDb();
  spawnSync(process.execPath, [join(ROOT, 'bin', 'opcon.mjs'), 'db', 'seed'], { env: { PATH: process.env['PATH'] ?? '', OPCON_DB: db }, timeout: 60_000 });
  return db;
}

/** A fresh, empty SQLite database path. */
export function freshDb(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'opcon-db-')), 'test.db')}`;
}

/**
 * Run `opcon` with arguments; the environment is clean apart from what the test sets. Each test
 * file shares one database (loaded with the default dataset on first use) unless the test names
 * its own; a test that brings its own dataset folder gets a fresh database.
 */
export function opcon(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const db = env['OPCON_DB'] ?? (env['OPCON_DATASET'] !== undefined ? freshDb() : (sharedDb ??= seededDb()));
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'opcon.mjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', OPCON_TODAY: TODAY, NO_COLOR: '1', OPCON_DB: db, ...env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch copy of the default dataset and its plan, to alter without touching the real one. */
export function copyDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opcon-dataset-'));
  const dataset = join(dir, 'dataset');
  cpSync(DEFAULT_DATASET, dataset, { recursive: true });
  cpSync(DEFAULT_PLAN, join(dir, 'plan.yaml'));
  const manifest = join(dataset, 'dataset.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^plan:.*$/m, 'plan: ../plan.yaml'));
  return dataset;
}
