/**
 * The report as one self-contained HTML file: inline CSS (screen and print), inline SVG charts, a
 * marking banner at the top and bottom, citations linked to the source list. No script and no
 * external resource, so it opens anywhere and prints the same as the PDF.
 */
import type { Block, Inline, ReportDocument } from './document.js';

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function inline(i: Inline): string {
  if (typeof i === 'string') return escapeHtml(i);
  switch (i.kind) {
    case 'strong':
      return `<strong>${escapeHtml(i.text)}</strong>`;
    case 'emphasis':
      return `<em>${escapeHtml(i.text)}</em>`;
    case 'link':
      return `<a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a>`;
    case 'cite':
      return `<a class="cite" href="#source-${i.n}">[${i.n}]</a>`;
  }
}

const inlines = (list: readonly Inline[]): string => list.map(inline).join('').trim();

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inlines(b.inlines)}</p>`;
    case 'list': {
      const tag = b.isOrdered === true ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cls = (i: number) => (b.numericColumns?.includes(i) === true ? ' class="num"' : '');
      const dateCls = (cell: readonly Inline[], i: number) => (cell.length === 1 && typeof cell[0] === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(cell[0]) ? ' class="date"' : cls(i));
      return (
        `<table><thead><tr>${b.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((row) => `<tr>${row.map((cell, i) => `<td${dateCls(cell, i)}>${inlines(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
    }
    case 'quote':
      return `<figure class="quote"><blockquote><p>“${inlines(b.inlines)}”</p></blockquote><figcaption>— ${inlines(b.attribution)}</figcaption></figure>`;
    case 'figure':
      return `<figure class="chart">${b.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    case 'sources':
      return `<ol class="sources">${b.items.map((s) => `<li id="source-${s.n}" value="${s.n}">${inlines(s.inlines)}</li>`).join('')}</ol>`;
  }
}

const CSS = `
:root { color: #111; background: #fff; }
body { font: 10.5pt/1.45 Georgia, "DejaVu Serif", serif; max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
h1, h2, h3, .marking, table, figcaption, .subtitle { font-family: Helvetica, Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0.6rem 0 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #888; padding-bottom: 0.15rem; margin-top: 1.6rem; break-after: avoid; }
h3 { font-size: 1rem; margin-top: 1.1rem; break-after: avoid; }
.subtitle { color: #333; margin: 0 0 1rem; }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.08em; border: 2px solid #111; padding: 0.15rem; margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 0.5rem 0 0.8rem; break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.35rem; vertical-align: top; text-align: left; }
th { background: #eef1f6; }
td.num, th.num { text-align: right; }
td.date { white-space: nowrap; }
tr { break-inside: avoid; }
figure { margin: 0.8rem 0; }
figure.chart { break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: 8.5pt; color: #333; }
figure.quote { border-left: 3px solid #1f4e9c; padding-left: 0.8rem; margin-left: 0; break-inside: avoid; }
blockquote { margin: 0; font-style: italic; }
a { color: #1f4e9c; }
a.cite { text-decoration: none; font-size: 0.85em; vertical-align: super; line-height: 0; }
ol.sources { font-size: 8.5pt; padding-left: 2.2rem; }
ol.sources li { overflow-wrap: anywhere; }
@page { margin: 18mm 14mm 16mm; }
@media print {
  body { max-width: none; padding: 0; }
  .marking.top, .marking.bottom { display: none; }
  a { color: #111; }
}
`;

/** Render the document as a complete HTML page. */
export function renderHtml(doc: ReportDocument): string {
  const marking = escapeHtml(doc.marking);
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="classification" content="${marking}"><title>${escapeHtml(doc.title)} [${marking}]</title><style>${CSS}</style></head>` +
    `<body><header><div class="marking top">${marking}</div><h1>${escapeHtml(doc.title)}</h1><p class="subtitle">${escapeHtml(doc.subtitle)}</p></header>\n` +
    `<main>\n${doc.blocks.map(block).join('\n')}\n</main>\n<footer><div class="marking bottom">${marking}</div></footer></body></html>\n`
  );
}
