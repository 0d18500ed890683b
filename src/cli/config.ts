/** CLI configuration, read once from the environment and the terminal at start-up. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate } from '../core/common/dates.js';
import { defaultDbPath } from '../store/db/url.js';

export interface CliConfig {
  readonly kind: 'cli-config';
  /** Folder of the dataset to read (default: the built-in public-record dataset). */
  readonly datasetDir: string;
  /** Folder of the ingestion lexicon (the built-in one). */
  readonly ingestLexiconDir: string;
  readonly isColor: boolean;
  readonly isTty: boolean;
  readonly columns: number;
  /** A fixed "today" (YYYY-MM-DD) for reproducible runs, from OPCON_TODAY. */
  readonly today: string | undefined;
  /** The database: OPCON_DB, else a SQLite file in the user's data directory (`--db` overrides). */
  readonly dbUrl: string;
  /** The Chromium that prints PDF reports: OPCON_CHROMIUM, else Debian's /usr/bin/chromium. */
  readonly chromiumPath: string;
}

/** The package root: the nearest folder above this module that holds the built-in data. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'plans'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the package root (data/plans is missing)');
}

/** Read the configuration once. Invalid values are reported, never silently ignored. */
export function readConfig(env: NodeJS.ProcessEnv, stdout: { readonly isTTY?: boolean; readonly columns?: number }): CliConfig | string {
  const today = env['OPCON_TODAY'];
  if (today !== undefined && today !== '' && !isIsoDate(today)) return `OPCON_TODAY must be a date in the form YYYY-MM-DD, got "${today}"`;
  const isTty = stdout.isTTY === true;
  const isColor = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' ? true : env['NO_COLOR'] !== undefined ? false : isTty;
  return {
    kind: 'cli-config',
    datasetDir: resolve(env['OPCON_DATASET'] ?? join(packageRoot(), 'data', 'datasets', 'opcon-public-record')),
    ingestLexiconDir: join(packageRoot(), 'data', 'ingest'),
    isColor,
    isTty,
    columns: Math.max(60, Math.min(stdout.columns ?? 100, 160)),
    today: today === '' ? undefined : today,
    chromiumPath: env['OPCON_CHROMIUM'] !== undefined && env['OPCON_CHROMIUM'] !== '' ? env['OPCON_CHROMIUM'] : '/usr/bin/chromium',
    dbUrl: env['OPCON_DB'] !== undefined && env['OPCON_DB'] !== '' ? env['OPCON_DB'] : `sqlite:${defaultDbPath(env)}`,
  };
}
