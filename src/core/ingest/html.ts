/**
 * The article body of an HTML page, as plain text with one blank line between paragraphs:
 * the <article> (else <main>, else <body>) without scripts, styles, navigation, headers,
 * footers, asides and forms; plus the title and the publication date from the page's metadata.
 */
import { Parser } from 'htmlparser2';

export interface HtmlArticle {
  readonly text: string;
  readonly title: string | null;
  readonly published: string | null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'template', 'figcaption', 'select']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'br', 'tr', 'table', 'figure', 'pre', 'dd', 'dt']);

/** True when a text looks like an HTML document rather than prose. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || (/^\s*</.test(text) && /<\/(p|div|article|body)>/i.test(text));
}

/** Extract the article body, title and publication date of an HTML page. */
export function htmlArticle(html: string): HtmlArticle {
  const zones: Record<'article' | 'main' | 'body', string[]> = { article: [], main: [], body: [] };
  let skipDepth = 0;
  let articleDepth = 0;
  let mainDepth = 0;
  let inTitle = false;
  let title = '';
  let metaTitle: string | null = null;
  let published: string | null = null;
  const push = (chunk: string) => {
    for (const zone of [articleDepth > 0 ? zones.article : null, mainDepth > 0 ? zones.main : null, zones.body]) zone?.push(chunk);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skipDepth++;
        if (name === 'article') articleDepth++;
        if (name === 'main') mainDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs['property'] ?? attrs['name'] ?? '').toLowerCase();
          if (key === 'og:title') metaTitle = attrs['content'] ?? null;
          if ((key === 'article:published_time' || key === 'date' || key === 'pubdate') && attrs['content']) published ??= attrs['content'].slice(0, 10);
        }
        if (name === 'time' && attrs['datetime'] && published === null) published = attrs['datetime'].slice(0, 10);
        if (BLOCK.has(name)) push('\n\n');
      },
      ontext(data) {
        if (inTitle) title += data;
        else if (skipDepth === 0) push(data);
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'article') articleDepth--;
        if (name === 'main') mainDepth--;
        if (name === 'title') inTitle = false;
        if (BLOCK.has(name)) push('\n\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const tidy = (chunks: readonly string[]) =>
    chunks
      .join('')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
  const text = [zones.article, zones.main, zones.body].map(tidy).find((t) => t.length > 0) ?? '';
  const pageTitle = (metaTitle ?? title).replace(/\s+/g, ' ').trim();
  return { text, title: pageTitle === '' ? null : pageTitle, published: published !== null && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null };
}
