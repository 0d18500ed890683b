/** Runs one operation for a command: validate, call, then print the value or the failure. */
import type { z } from 'zod';
import type { Result } from '../core/common/result.js';
import { runOperation, type Deps, type Operation } from '../app/operation.js';
import { exitCodeFor, EXIT } from './exit-codes.js';
import { renderFailure } from './output/problems-text.js';
import type { Style } from './output/style.js';
import { printErr, printJson, printOut } from './output/write.js';

export interface CommandContext {
  readonly deps: Deps;
  readonly style: Style;
  readonly columns: number;
  /** Standard error is a terminal: progress bars may be drawn there. */
  readonly isProgressShown: boolean;
}

/** Run an operation and print its result as JSON or through `render`; returns the exit code. */
export async function runCommand<I extends z.ZodType, O>(
  ctx: CommandContext,
  operation: Operation<I, O>,
  input: unknown,
  output: { readonly isJson: boolean; readonly render: (value: O) => string; readonly exitCode?: (value: O) => number },
): Promise<number> {
  const result: Result<O> = await runOperation(operation, ctx.deps, input);
  if (!result.ok) {
    if (output.isJson) printJson({ error: result.error });
    printErr(renderFailure(result.error, ctx.style));
    return exitCodeFor(result.error.code);
  }
  if (output.isJson) printJson(result.value);
  else printOut(output.render(result.value));
  return output.exitCode?.(result.value) ?? EXIT.ok;
}
