/** `opcon forecast`: the Monte Carlo forecast of the plan (views, scenarios) or of a model file. */
import type { Command } from 'commander';
import { DEFAULT_SEED } from '../../app/operations/forecast.js';
import { operations } from '../../app/registry.js';
import { renderForecast } from '../output/forecast-text.js';
import { createProgressBar } from '../output/progress.js';
import { runCommand, type CommandContext } from '../run.js';
import { asOfOption, knownAtOption, partyOption } from './options.js';

interface ForecastOpts {
  readonly view: string;
  readonly scenario?: readonly string[];
  readonly iterations?: number;
  readonly seed?: number;
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly party: string;
  readonly model?: string;
  readonly date?: readonly string[];
  readonly workers?: number;
  readonly json?: boolean;
}

const list = (value: string, previous: readonly string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];

/** Register the forecast command. */
export function registerForecast(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  program
    .command('forecast')
    .description('Monte Carlo forecast of when the conditions are met and the transfer happens: dates, probabilities by key dates, drivers, scenarios')
    .option('--view <view>', 'whose ratings: rok, us, combined (the lower of the two) or all', 'all')
    .option('--scenario <names...>', 'what-if scenarios of the plan to run beside the baseline (repeat or comma-separate)', list)
    .option('--iterations <n>', 'run exactly this many iterations (default: until every key-date probability has a standard error under 0.5 points)', (v) => Number(v))
    .option('--seed <n>', `seed of the random streams, part of every result (default ${DEFAULT_SEED})`, (v) => Number(v))
    .option('--date <dates...>', 'more dates (YYYY-MM-DD) to give the probability of being done by', list)
    .option('--model <file>', 'run a standalone model file (JSON) instead of the plan (format: docs/forecast-model.md)')
    .option('--workers <n>', 'worker threads (0: this thread; default: one per core for runs of 400 000 iterations or more, else this thread)', (v) => Number(v))
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print stable JSON instead of text')
    .action(async (o: ForecastOpts) => {
      const bar = createProgressBar(ctx.isProgressShown, ctx.columns);
      const context = { ...ctx, deps: { ...ctx.deps, onProgress: bar.update } };
      const code = await runCommand(
        context,
        operations.forecast,
        {
          asOf: o.asOf,
          knownAt: o.knownAt,
          audience: o.party,
          view: o.view,
          scenarios: o.scenario ?? [],
          iterations: o.iterations,
          seed: o.seed,
          dates: o.date ?? [],
          model: o.model,
          workers: o.workers,
        },
        {
          isJson: o.json === true,
          render: (result) => {
            bar.clear();
            return renderForecast(result, ctx.style, ctx.columns);
          },
        },
      );
      bar.clear();
      setExit(code);
    });
}
