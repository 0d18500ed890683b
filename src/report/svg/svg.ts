/** SVG building blocks for the report's charts: escaping and fixed-precision numbers, so the same data gives the same bytes. */

/** Escape text for SVG/XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate with one decimal, without "-0". */
export function num(value: number): string {
  const fixed = value.toFixed(1);
  return fixed === '-0.0' ? '0.0' : fixed;
}

/** The opening tag of a chart: a viewBox, a title and a description for screen readers. */
export function svgOpen(widthPx: number, heightPx: number, title: string, description: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${widthPx} ${heightPx}" width="${widthPx}" height="${heightPx}" role="img" font-family="Helvetica, Arial, sans-serif" font-size="11">` +
    `<title>${xml(title)}</title><desc>${xml(description)}</desc><rect width="${widthPx}" height="${heightPx}" fill="#ffffff"/>`
  );
}

/** A text element. */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attrs === '' ? '' : ` ${attrs}`}>${xml(content)}</text>`;
}

/** A linear scale from a domain to a pixel range. */
export function scale(domainFrom: number, domainTo: number, rangeFrom: number, rangeTo: number): (v: number) => number {
  const span = domainTo - domainFrom || 1;
  return (v) => rangeFrom + ((v - domainFrom) / span) * (rangeTo - rangeFrom);
}

/** Line styles that tell series apart without colour (dash patterns), with colours that pass contrast on white. */
export const SERIES_STYLES: readonly { readonly stroke: string; readonly dash: string }[] = [
  { stroke: '#1f4e9c', dash: '' },
  { stroke: '#b2182b', dash: '6 3' },
  { stroke: '#1b7837', dash: '2 2' },
  { stroke: '#5e3c99', dash: '8 3 2 3' },
];
