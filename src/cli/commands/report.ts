/** `opcon report`: the brief as a Markdown, HTML or PDF file for one reader. */
import { Option, type Command } from 'commander';
import { PAPER_SIZES } from '../../app/ports.js';
import { DEFAULT_SEED } from '../../app/operations/forecast.js';
import { DEFAULT_SINCE_DAYS } from '../../app/operations/changes.js';
import { REPORT_ITERATIONS } from '../../app/operations/report.js';
import { buildReport, REPORT_FORMATS, type ReportFormat } from '../../report/build.js';
import type { PaperSize } from '../../app/ports.js';
import { exitCodeFor, EXIT } from '../exit-codes.js';
import { renderFailure } from '../output/problems-text.js';
import { printErr, printOut, writeOutFile } from '../output/write.js';
import type { CommandContext } from '../run.js';
import { asOfOption, knownAtOption, partyOption } from './options.js';

interface ReportOpts {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly since?: string;
  readonly party: string;
  readonly format: ReportFormat;
  readonly paper: PaperSize;
  readonly seed?: number;
  readonly iterations?: number;
  readonly out?: string;
}

/** Register the report command. */
export function registerReport(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('the brief as a file: summary, conditions, stages, forecast charts, decisions, what changed since, key quotes, cited sources, method')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .option('--since <date>', `"what changed since" this date (YYYY-MM-DD; default ${DEFAULT_SINCE_DAYS} days before the as-of date)`)
    .addOption(partyOption())
    .addOption(new Option('--format <format>', 'md (Markdown), html (one self-contained page) or pdf (needs Chromium)').choices(REPORT_FORMATS as unknown as string[]).default('md'))
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(PAPER_SIZES as unknown as string[]).default('a4'))
    .option('--seed <n>', `seed of the forecast (default ${DEFAULT_SEED})`, (v) => Number(v))
    .option('--iterations <n>', `forecast iterations per view (default ${REPORT_ITERATIONS})`, (v) => Number(v))
    .option('--out <file>', 'write to this file (default: Markdown and HTML to standard output, PDF to the file name the report suggests)')
    .action(async (o: ReportOpts) => {
      const built = await buildReport(ctx.deps, {
        format: o.format,
        paper: o.paper,
        input: { asOf: o.asOf, knownAt: o.knownAt, since: o.since, audience: o.party, seed: o.seed, iterations: o.iterations },
      });
      if (!built.ok) {
        printErr(renderFailure(built.error, ctx.style));
        setExit(exitCodeFor(built.error.code));
        return;
      }
      const file = built.value;
      const target = o.out ?? (o.format === 'pdf' ? file.fileName : undefined);
      if (target === undefined) printOut(new TextDecoder().decode(file.bytes));
      else {
        await writeOutFile(target, file.bytes);
        printErr(`wrote ${target} (${file.bytes.length} bytes, marked ${file.marking})\n`);
      }
      setExit(EXIT.ok);
    });
}
