/** Terminal styling and plain-text tables; colour only when the output is a terminal. */
import { styleText } from 'node:util';

export type Colour = 'red' | 'green' | 'yellow' | 'blue' | 'cyan' | 'magenta' | 'gray' | 'bold' | 'dim';

export interface Style {
  readonly isColor: boolean;
  paint(text: string, ...colours: Colour[]): string;
}

/** A styler that colours only when asked to. */
export function createStyle(isColor: boolean): Style {
  return {
    isColor,
    paint: (text, ...colours) => (isColor && colours.length > 0 ? styleText(colours, text) : text),
  };
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Printed width of a string, ignoring colour codes and counting East Asian wide characters as two. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) {
    const code = ch.codePointAt(0) ?? 0;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60) ? 2 : 1;
  }
  return width;
}

/** Pad to a printed width. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - visibleWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

/** Cut text to a printed width with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (visibleWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Wrap plain text to a width, indenting continuation lines. */
export function wrap(text: string, width: number, indent = ''): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && visibleWidth(line) + 1 + visibleWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Maximum width; longer cells are cut with an ellipsis. */
  readonly maxWidth?: number;
}

/** Render rows as an aligned table with a header rule. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style, indent = '  '): string {
  const cells = rows.map((row) => row.map((cell, i) => truncate(cell, columns[i]?.maxWidth ?? 200)));
  const widths = columns.map((c, i) => Math.max(visibleWidth(c.header), ...cells.map((r) => visibleWidth(r[i] ?? ''))));
  const line = (row: readonly string[]) =>
    indent + row.map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left')).join('  ').trimEnd();
  const header = line(columns.map((c) => c.header));
  return [style.paint(header, 'bold'), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
