/** The `opcon` command. Commands are thin: parse options, run an operation, print the result. */
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { composeDeps, type Composed } from './compose.js';
import { readConfig } from './config.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { registerBrief } from './commands/brief.js';
import { registerDb, registerDev } from './commands/db.js';
import { registerForecast } from './commands/forecast.js';
import { registerReport } from './commands/report.js';
import { registerLists } from './commands/lists.js';
import { registerPlan } from './commands/plan.js';
import { registerIngest } from './commands/ingest.js';
import { registerAccounts } from './commands/accounts.js';
import { registerServe } from './commands/serve.js';
import { createStyle } from './output/style.js';
import { printErr, printOut } from './output/write.js';
import type { CommandContext } from './run.js';

const DESCRIPTION = `Track a conditions-based transfer of wartime operational control between two allies:
the plan and its conditions, each party's cited assessments over time, verification gates,
divergence between the parties, decisions and escalation. The built-in dataset is the public
record of the ROK–US OPCON transition; every figure traces to a cited source.`;

/** Build the command tree around a context. */
export function buildProgram(ctx: CommandContext, setExit: (code: number) => void): Command {
  const program = new Command('opcon')
    .description(DESCRIPTION)
    .version(packageJson.version, '-V, --version')
    .option('--db <url>', 'database: sqlite:PATH (default: a file in your data directory) or postgres://USER@HOST:PORT/DB')
    .showHelpAfterError('(run with --help for usage)')
    // Set before sub-commands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput({ writeOut: printOut, writeErr: printErr })
    .addHelpText(
      'after',
      `\nExamples:\n  opcon brief                         the picture today, ROK and US side by side\n  opcon brief --as-of 2025-11-30      time travel: the picture as known on that date\n  opcon brief --party ROK --json      what a ROK reader may see, as JSON\n  opcon criteria --status blocking    criteria on which the parties disagree\n  opcon timeline --from 2025 --forum SCM\n  opcon forecast --view all --scenario us-accepts-rok\n  opcon forecast --model model.json --iterations 100000\n  opcon plan validate my-plan.yaml\n  opcon ingest extract article.html --published 2026-05-14\n  opcon ingest eval ../shared/corpus/dev\n  opcon serve                         the dashboard and API on http://127.0.0.1:4310/\n  opcon user add rok-desk --role rok-assessor\n  opcon audit verify\n\nEnvironment:\n  OPCON_DB       database, as --db (default: sqlite: in $XDG_DATA_HOME or ~/.local/share)
  OPCON_DATASET  dataset folder loaded on first use and by \`db seed\` (default: the built-in public record)\n  OPCON_TODAY    fix "today" (YYYY-MM-DD) for reproducible runs\n  NO_COLOR / FORCE_COLOR  turn colour off / on\n\n${EXIT_CODES_HELP}\n`,
    );

  registerBrief(program, ctx, setExit);
  registerLists(program, ctx, setExit);
  registerPlan(program, ctx, setExit);
  registerDb(program, ctx, setExit);
  registerDev(program, ctx, setExit);
  registerIngest(program, ctx, setExit);
  registerForecast(program, ctx, setExit);
  registerReport(program, ctx, setExit);
  registerServe(program, ctx, setExit);
  registerAccounts(program, ctx, setExit);
  return program;
}

/** Entry point: returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = readConfig(process.env, process.stdout);
  if (typeof config === 'string') {
    printErr(`error: ${config}\n`);
    return EXIT.invalidInput;
  }
  let composed: Composed | undefined;
  const ctx: CommandContext = {
    get deps() {
      if (composed === undefined) throw new Error('dependencies are composed before any action runs');
      return composed.deps;
    },
    style: createStyle(config.isColor),
    columns: config.columns,
    isProgressShown: process.stderr.isTTY === true,
  };
  let exitCode: number = EXIT.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  program.hook('preAction', (_program, action) => {
    composed = composeDeps(config, (action.optsWithGlobals() as { db?: string }).db ?? config.dbUrl);
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.invalidInput;
    }
    throw error;
  } finally {
    await composed?.close();
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printErr(`internal error (a bug, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.bug;
  },
);
