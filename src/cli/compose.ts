/** Wires the app's ports to their implementations for one CLI run. */
import type { Deps } from '../app/operation.js';
import type { Clock } from '../app/ports.js';
import { createFolderStore } from '../store/files/dataset-folder.js';
import { readPlanFile } from '../store/files/plan-file.js';
import { createIngestFiles } from '../store/files/ingest-files.js';
import type { CliConfig } from './config.js';

/** The system clock, or a fixed day when OPCON_TODAY is set. */
export function systemClock(fixedToday: string | undefined): Clock {
  return {
    kind: 'clock',
    today: () => fixedToday ?? new Date().toISOString().slice(0, 10),
    now: () => (fixedToday === undefined ? new Date().toISOString() : `${fixedToday}T12:00:00.000Z`),
  };
}

/** The dependencies of every operation. */
export function composeDeps(config: CliConfig): Deps {
  return {
    store: createFolderStore(config.datasetDir),
    planReader: { kind: 'plan-reader', read: readPlanFile },
    clock: systemClock(config.today),
    ingest: createIngestFiles(config.ingestLexiconDir),
  };
}
