/** `opcon ingest extract|eval`: articles in, cited evidence out; and scoring against labelled documents. */
import type { Command } from 'commander';
import { operations } from '../../app/registry.js';
import { EXIT } from '../exit-codes.js';
import { renderEval, renderExtraction } from '../output/ingest-text.js';
import type { CommandContext } from '../run.js';
import { runCommand } from '../run.js';

/** Parse "quoteF1=0.9,timelineF1=0.8" into numbers; anything unparsable is passed on for the schema to reject. */
function parseFloors(spec: string | undefined): Record<string, unknown> {
  if (spec === undefined) return {};
  return Object.fromEntries(
    spec
      .split(',')
      .filter((p) => p.trim() !== '')
      .map((pair) => {
        const [key, value] = pair.split('=');
        return [(key ?? '').trim(), value === undefined || value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value)];
      }),
  );
}

/** Register the ingestion commands. */
export function registerIngest(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  const ingest = program.command('ingest').description('articles in, cited evidence out: extract quotes, speakers, sides, dates, conditions, stances and forums');
  ingest
    .command('extract')
    .argument('<file>', 'article: plain text, HTML or a JSON document {text, published, outlet, url, title}; "-" reads standard input')
    .option('--published <date>', 'publication date (YYYY-MM-DD) against which relative dates are resolved')
    .option('--outlet <name>', 'the outlet that published it')
    .option('--json', 'print JSON (the corpus label keys, with spans and confidence)')
    .description('extract the evidence of one article; nothing is stored (exit 2 on empty, binary, non-English or over 2 MB input)')
    .action(async (file: string, o: { published?: string; outlet?: string; json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.ingestExtract, { file, published: o.published, outlet: o.outlet }, {
          isJson: o.json === true,
          render: (r) => renderExtraction(r, ctx.style, ctx.columns),
        }),
      );
    });
  ingest
    .command('eval')
    .argument('<folder>', 'folder of labelled documents (*.json in the corpus format)')
    .option('--floors <list>', `minimum per metric, e.g. "quoteF1=0.9,timelineF1=0.8" (defaults: the issue's targets)`)
    .option('--json', 'print JSON')
    .description('score extraction against labelled documents: precision, recall and F1 per label (exit 7 when a metric is below its floor)')
    .action(async (folder: string, o: { floors?: string; json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.ingestEval, { folder, floors: parseFloors(o.floors) }, {
          isJson: o.json === true,
          render: (r) => renderEval(r, ctx.style),
          // The report is printed either way; a metric under its floor fails the run.
          exitCode: (r) => (r.isPassing ? EXIT.ok : EXIT.belowFloors),
        }),
      );
    });
}
