/** Wires the app's ports to their implementations for one CLI run. */
import { userInfo } from 'node:os';
import { localActor } from '../core/access/roles.js';
import { createForecastExecutors } from '../app/forecast/executors.js';
import type { Deps } from '../app/operation.js';
import type { Clock, LedgerDatabase } from '../app/ports.js';
import { firstRunStore } from '../app/seeding.js';
import type { Result } from '../core/common/result.js';
import { openDatabase } from '../store/db/database.js';
import { parseDbUrl } from '../store/db/url.js';
import { folderDatasetSource } from '../store/files/dataset-folder.js';
import { fileImportReader } from '../store/files/import-file.js';
import { readModelFile } from '../store/files/model-file.js';
import { readPlanFile } from '../store/files/plan-file.js';
import { createSecrets } from '../store/crypto/secrets.js';
import { createIngestFiles } from '../store/files/ingest-files.js';
import { chromiumPdfRenderer } from '../store/pdf/chromium.js';
import type { CliConfig } from './config.js';
import { printErr } from './output/write.js';

/** The system clock, or a fixed day when OPCON_TODAY is set. */
export function systemClock(fixedToday: string | undefined): Clock {
  return {
    kind: 'clock',
    today: () => fixedToday ?? new Date().toISOString().slice(0, 10),
    now: () => (fixedToday === undefined ? new Date().toISOString() : `${fixedToday}T12:00:00.000Z`),
  };
}

/** The operating-system user running the command, for the audit log. */
function localUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface Composed {
  readonly deps: Deps;
  /** Close the database if it was opened (a PostgreSQL pool would keep the process alive). */
  close(): Promise<void>;
}

/** The dependencies of every operation; the database is opened on first use only. */
export function composeDeps(config: CliConfig, dbUrl: string): Composed {
  const opened = new Map<boolean, Promise<Result<LedgerDatabase>>>();
  const database = (options: { readonly isMigrating: boolean }): Promise<Result<LedgerDatabase>> => {
    // One connection per run: a migrating open also serves later non-migrating requests.
    const existing = opened.get(true) ?? opened.get(options.isMigrating);
    if (existing) return existing;
    const location = parseDbUrl(dbUrl);
    const promise = location.ok ? openDatabase(location.value, options) : Promise.resolve(location);
    opened.set(options.isMigrating, promise);
    return promise;
  };
  const base = {
    actor: localActor(`cli:${localUserName()}`),
    database,
    datasets: folderDatasetSource,
    secrets: createSecrets(),
    importReader: fileImportReader,
    planReader: { kind: 'plan-reader' as const, read: readPlanFile },
    clock: systemClock(config.today),
    defaultDatasetDir: config.datasetDir,
    notify: (message: string) => printErr(`${message}\n`),
    ingest: createIngestFiles(config.ingestLexiconDir),
    modelReader: { kind: 'model-reader' as const, read: readModelFile },
    // The bundled CLI has its worker script beside it (dist/forecast-worker.mjs); from source there is none.
    forecast: createForecastExecutors(new URL('./forecast-worker.mjs', import.meta.url)),
    pdf: chromiumPdfRenderer(config.chromiumPath),
  };
  return {
    deps: { ...base, store: firstRunStore(base) },
    async close() {
      for (const promise of opened.values()) {
        const db = await promise;
        if (db.ok) await db.value.close();
      }
    },
  };
}
