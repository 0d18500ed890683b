/** The report as Markdown (CommonMark with pipe tables): charts as embedded SVG images, citations as links to the source list. */
import type { Block, Inline, ReportDocument } from './document.js';

/** Escape characters Markdown would read as markup. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\n+/g, ' ');
}

/** Emphasis markers hug the text (CommonMark ignores `** text **`); surrounding spaces stay outside. */
function wrapped(marker: string, text: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  const [, before = '', core = '', after = ''] = match ?? [];
  return core === '' ? text : `${before}${marker}${escapeText(core)}${marker}${after}`;
}

function inline(i: Inline): string {
  if (typeof i === 'string') return escapeText(i);
  switch (i.kind) {
    case 'strong':
      return wrapped('**', i.text);
    case 'emphasis':
      return wrapped('*', i.text);
    case 'link':
      return `[${escapeText(i.text)}](<${i.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
    case 'cite':
      return `[\\[${i.n}\\]](#source-${i.n})`;
  }
}

const inlines = (list: readonly Inline[]): string => list.map(inline).join('').trim();

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeText(b.text)}`;
    case 'paragraph':
      return inlines(b.inlines);
    case 'list':
      return b.items.map((item, i) => `${b.isOrdered === true ? `${i + 1}.` : '-'} ${inlines(item)}`).join('\n');
    case 'table': {
      const align = b.head.map((_, i) => (b.numericColumns?.includes(i) === true ? '---:' : '---'));
      return [`| ${b.head.map(escapeText).join(' | ')} |`, `| ${align.join(' | ')} |`, ...b.rows.map((row) => `| ${row.map(inlines).join(' | ')} |`)].join('\n');
    }
    case 'quote':
      return `> “${inlines(b.inlines)}”\n>\n> — ${inlines(b.attribution)}`;
    case 'figure':
      return `![${escapeText(b.alt)}](data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')})\n\n*${escapeText(b.caption)}*`;
    case 'sources':
      return b.items.map((s) => `${s.n}. <a id="source-${s.n}"></a>${inlines(s.inlines)}`).join('\n');
  }
}

/** Render the document as Markdown. */
export function renderMarkdown(doc: ReportDocument): string {
  const head = [`**${doc.marking}**`, `# ${escapeText(doc.title)}`, `*${escapeText(doc.subtitle)}*`];
  return `${[...head, ...doc.blocks.map(block), `**${doc.marking}**`].join('\n\n')}\n`;
}
