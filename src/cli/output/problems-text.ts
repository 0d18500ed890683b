/** Failures rendered for people: one line naming the problem, then each located problem. */
import type { Failure } from '../../core/common/result.js';
import type { Style } from './style.js';

/** Render a failure as compiler-style lines: `file:line:col  path  message`. */
export function renderFailure(failure: Failure, style: Style): string {
  const lines = [`${style.paint('error', 'red', 'bold')}: ${failure.message}`];
  for (const p of failure.problems) {
    const where = p.file === undefined ? '' : `${p.file}${p.line === undefined ? '' : `:${p.line}${p.column === undefined ? '' : `:${p.column}`}`}  `;
    lines.push(`  ${style.paint(where, 'bold')}${style.paint(p.path, 'cyan')}  ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
