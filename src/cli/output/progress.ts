/** A progress bar on standard error, drawn only on a terminal. */
import type { ProgressEvent } from '../../app/ports.js';
import { groupThousands } from './labels.js';
import { printErr } from './write.js';

export interface ProgressBar {
  update(event: ProgressEvent): void;
  /** Clear the bar's line. */
  clear(): void;
}

const BAR_WIDTH = 24;

/** A bar that redraws in place; a no-op when standard error is not a terminal. */
export function createProgressBar(isTerminal: boolean, columns: number): ProgressBar {
  if (!isTerminal) return { update: () => undefined, clear: () => undefined };
  let last = '';
  let isDrawn = false;
  return {
    update(event) {
      const share = event.planned > 0 ? Math.min(1, event.done / event.planned) : 0;
      const filled = Math.round(share * BAR_WIDTH);
      const run = event.runCount > 1 ? ` (${event.runIndex}/${event.runCount})` : '';
      const line = `  ${event.label}${run}  ${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${String(Math.round(share * 100)).padStart(3)}%  ${groupThousands(event.done)} ${event.unit}`;
      const cut = line.slice(0, Math.max(20, columns - 1));
      if (cut === last) return;
      last = cut;
      isDrawn = true;
      printErr(`\r\u001b[2K${cut}`);
    },
    clear() {
      if (isDrawn) printErr('\r\u001b[2K');
      isDrawn = false;
      last = '';
    },
  };
}

