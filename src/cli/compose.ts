/** Wires the app's ports to their implementations for one CLI run. */
import { createForecastExecutors } from '../app/forecast/executors.js';
import type { Deps } from '../app/operation.js';
import type { Clock } from '../app/ports.js';
import { createFolderStore } from '../store/files/dataset-folder.js';
import { readModelFile } from '../store/files/model-file.js';
import { readPlanFile } from '../store/files/plan-file.js';
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
    modelReader: { kind: 'model-reader', read: readModelFile },
    // The bundled CLI has its worker script beside it (dist/forecast-worker.mjs); from source there is none.
    forecast: createForecastExecutors(new URL('./forecast-worker.mjs', import.meta.url)),
  };
}
