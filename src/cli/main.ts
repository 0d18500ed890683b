/** The `opcon` command. Commands are thin: parse options, run an operation, print the result. */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { operations } from '../app/registry.js';
import { AUDIENCES } from '../core/common/releasability.js';
import { EVENT_CATEGORIES, RELIABILITY_GRADES, SOURCE_KINDS } from '../core/ledger/schema.js';
import { composeDeps } from './compose.js';
import { readConfig } from './config.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { renderBrief } from './output/brief-text.js';
import { renderCriteria, renderSources, renderTimeline } from './output/lists-text.js';
import { createStyle } from './output/style.js';
import { printErr, printOut } from './output/write.js';
import { runCommand, type CommandContext } from './run.js';

const DESCRIPTION = `Track a conditions-based transfer of wartime operational control between two allies:
the plan and its conditions, each party's cited assessments over time, verification gates,
divergence between the parties, decisions and escalation. The built-in dataset is the public
record of the ROK–US OPCON transition; every figure traces to a cited source.`;

const partyOption = () =>
  new Option('--party <reader>', 'whose eyes: show only what this reader may see (releasability)').choices(AUDIENCES as string[]).default('all');
const asOfOption = () => new Option('--as-of <date>', 'the date the picture speaks for (YYYY-MM-DD; default today)');
const knownAtOption = () => new Option('--known-at <date>', 'count only records known by this date or timestamp (default: end of the as-of day)');

interface ScopeOpts {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly party: string;
  readonly json?: boolean;
}

const scopeInput = (o: ScopeOpts) => ({ asOf: o.asOf, knownAt: o.knownAt, audience: o.party });

/** Build the command tree around a context. */
export function buildProgram(ctx: CommandContext, setExit: (code: number) => void): Command {
  const program = new Command('opcon')
    .description(DESCRIPTION)
    .version(packageJson.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Set before sub-commands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput({ writeOut: printOut, writeErr: printErr })
    .addHelpText(
      'after',
      `\nExamples:\n  opcon brief                         the picture today, ROK and US side by side\n  opcon brief --as-of 2025-11-30      time travel: the picture as known on that date\n  opcon brief --party ROK --json      what a ROK reader may see, as JSON\n  opcon criteria --status blocking    criteria on which the parties disagree\n  opcon timeline --from 2025 --forum SCM\n  opcon plan validate my-plan.yaml\n\nEnvironment:\n  OPCON_DATASET  dataset folder to read (default: the built-in public-record dataset)\n  OPCON_TODAY    fix "today" (YYYY-MM-DD) for reproducible runs\n  NO_COLOR / FORCE_COLOR  turn colour off / on\n\n${EXIT_CODES_HELP}\n`,
    );

  program
    .command('brief')
    .description('the picture as of a date: stages, conditions per party, divergence, decisions, escalation, key dates, latest statements')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--statements <n>', 'how many recent statements to show', (v) => Number(v), 8)
    .option('--json', 'print stable JSON instead of text')
    .action(async (o: ScopeOpts & { statements: number }) => {
      setExit(
        await runCommand(ctx, operations.brief, { ...scopeInput(o), statementLimit: o.statements }, {
          isJson: o.json === true,
          render: (brief) => renderBrief(brief, ctx.style, ctx.columns),
        }),
      );
    });

  program
    .command('timeline')
    .description('dated events of the record, oldest first, with sources')
    .option('--from <date>', 'from this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'up to this date')
    .addOption(new Option('--category <name>', 'only this kind of event').choices(EVENT_CATEGORIES as unknown as string[]))
    .option('--forum <id>', 'only events at this forum (e.g. SCM, MCM, KIDD, summit)')
    .option('--stage <id>', 'only events of this stage (IOC, FOC, FMC)')
    .option('--search <text>', 'words in the title or description')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print JSON')
    .action(async (o: ScopeOpts & { from?: string; to?: string; category?: string; forum?: string; stage?: string; search?: string }) => {
      setExit(
        await runCommand(
          ctx,
          operations.timeline,
          { ...scopeInput(o), from: o.from, to: o.to, category: o.category, forum: o.forum, stage: o.stage, search: o.search },
          { isJson: o.json === true, render: (entries) => renderTimeline(entries, ctx.style, ctx.columns) },
        ),
      );
    });

  program
    .command('sources')
    .description('sources of the record: outlet, date, kind, reliability grade, URL, times cited')
    .option('--outlet <text>', 'outlet name contains')
    .addOption(new Option('--kind <kind>', 'only this kind of source').choices(SOURCE_KINDS as unknown as string[]))
    .addOption(new Option('--min-grade <grade>', 'only sources at least this reliable (A best)').choices(RELIABILITY_GRADES as unknown as string[]))
    .option('--from <date>', 'published from')
    .option('--to <date>', 'published up to')
    .option('--search <text>', 'words in outlet, title, note or URL')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print JSON')
    .action(async (o: ScopeOpts & { outlet?: string; kind?: string; minGrade?: string; from?: string; to?: string; search?: string }) => {
      setExit(
        await runCommand(
          ctx,
          operations.sources,
          { ...scopeInput(o), outlet: o.outlet, sourceKind: o.kind, minReliability: o.minGrade, from: o.from, to: o.to, search: o.search },
          { isJson: o.json === true, render: (entries) => renderSources(entries, ctx.style, ctx.columns) },
        ),
      );
    });

  program
    .command('criteria')
    .description('criteria with each party\'s rating, the gap, confidence, last assessed and evidence count')
    .option('--condition <id>', 'only criteria of this condition (C1, C2, C3)')
    .option('--id <criterion>', 'only this criterion')
    .addOption(new Option('--status <status>', 'blocking: the parties disagree; unmet: a party rates it below met; met: all rate it met').choices(['blocking', 'unmet', 'met']))
    .option('--history', 'show every assessment behind each rating, with rationale and citations')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print JSON')
    .action(async (o: ScopeOpts & { condition?: string; id?: string; status?: string; history?: boolean }) => {
      const loaded = await ctx.deps.store.load();
      const sides = loaded.ok ? loaded.value.plan.parties.filter((p) => !p.isJoint).map((p) => p.id) : [];
      setExit(
        await runCommand(
          ctx,
          operations.criteria,
          { ...scopeInput(o), condition: o.condition, id: o.id, status: o.status, history: o.history === true },
          { isJson: o.json === true, render: (entries) => renderCriteria(entries, sides, ctx.style, ctx.columns) },
        ),
      );
    });

  const plan = program.command('plan').description('plan files: validate one, or print the JSON Schema for editors');
  plan
    .command('validate')
    .argument('<file>', 'plan file (YAML)')
    .description('check a plan file and report every problem with file, line and path (exit 2 if any)')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.validatePlan, { file }, {
          isJson: o.json === true,
          render: (p) => `${file}: valid plan "${p.id}" v${p.version} — ${p.conditions.length} conditions, ${p.criteria.length} criteria, ${p.stages.length} stages, ${p.forums.length} forums\n`,
        }),
      );
    });
  plan
    .command('schema')
    .description('print the JSON Schema of plan files (for editor completion)')
    .action(async () => {
      setExit(await runCommand(ctx, operations.planSchema, {}, { isJson: true, render: () => '' }));
    });
  return program;
}

/** Entry point: returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = readConfig(process.env, process.stdout);
  if (typeof config === 'string') {
    printErr(`error: ${config}\n`);
    return EXIT.invalidInput;
  }
  const ctx: CommandContext = { deps: composeDeps(config), style: createStyle(config.isColor), columns: config.columns };
  let exitCode: number = EXIT.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.invalidInput;
    }
    throw error;
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
