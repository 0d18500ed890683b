import { describe, expect, it } from 'vitest';
import { decodeInput, isEnglish, MAX_INPUT_BYTES } from './input.js';
import { htmlArticle } from './html.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const decode = (text: string, overrides = {}) => decodeInput(bytes(text), bytes(text).length, 'article', overrides);
const ARTICLE = 'The defense ministry said on Tuesday that the transfer of wartime operational control is on track, and that the allies will review it in the fall.';

describe('input decoding', () => {
  it('accepts plain text and applies --published and --outlet', () => {
    const r = decode(ARTICLE, { published: '2026-03-10', outlet: 'Yonhap' });
    expect(r.ok && r.value).toMatchObject({ format: 'text', document: { text: ARTICLE, published: '2026-03-10', outlet: 'Yonhap' } });
  });
  it('reads a JSON document and ignores extra keys', () => {
    const r = decode(JSON.stringify({ text: ARTICLE, published: '2025-09-25', outlet: 'X', url: 'https://example.org/a', title: 'T', extra: 1 }));
    expect(r.ok && r.value).toMatchObject({ format: 'json', document: { published: '2025-09-25', outlet: 'X', url: 'https://example.org/a', title: 'T' } });
  });
  it('extracts the article body of an HTML page, with its title and date', () => {
    const html = `<!doctype html><html><head><title>Page</title><meta property="article:published_time" content="2026-05-14T09:00:00Z"></head>
      <body><nav>Home | World</nav><article><h1>Headline</h1><p>${ARTICLE}</p><script>var x = 1;</script><p>Second &amp; last paragraph.</p></article><footer>© Outlet</footer></body></html>`;
    const r = decode(html);
    expect(r.ok && r.value.format).toBe('html');
    expect(r.ok && r.value.document).toMatchObject({ title: 'Page', published: '2026-05-14', text: `Headline\n\n${ARTICLE}\n\nSecond & last paragraph.` });
  });
  it.each([
    ['empty input', '', 'input is empty'],
    ['white space only', '  \n\t ', 'only white space'],
    ['binary data', 'abc\u0000def', 'binary'],
    ['non-English text', 'Der Verteidigungsminister sagte am Mittwoch, dass die Übergabe der Kontrolle noch nicht entschieden sei und dass die Gespräche weitergehen würden.', 'does not look like English'],
    ['Korean text', '국방부는 전시작전통제권 전환이 순조롭게 진행되고 있다고 밝혔다. 양국은 가을에 이를 검토할 예정이다.', 'does not look like English'],
    ['broken JSON', '{"text": "abc"', 'not valid JSON'],
    ['a JSON document without text', '{"published": "2025-01-01"}', 'JSON document: text'],
    ['a bad --published date', ARTICLE, '--published must be a date'],
  ])('refuses %s with a clear invalid-input message', (_name, text, message) => {
    const r = decodeInput(bytes(text), bytes(text).length, 'article', text === ARTICLE ? { published: '2026-02-30' } : {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message).toContain(message);
      expect(r.error.message).toContain('nothing was extracted');
    }
  });
  it('refuses input over 2 MB from its size alone', () => {
    const r = decodeInput(bytes('a'), MAX_INPUT_BYTES + 1, 'big.txt');
    expect(!r.ok && r.error.message).toContain('over the 2 MB limit');
  });
  it('refuses bytes that are not UTF-8', () => {
    const r = decodeInput(new Uint8Array([0x41, 0xff, 0xfe, 0x42]), 4, 'latin1.txt');
    expect(!r.ok && r.error.message).toContain('not UTF-8');
  });
  it('tells English from other languages in Latin script', () => {
    expect(isEnglish(ARTICLE)).toBe(true);
    expect(isEnglish('El ministro de defensa dijo el martes que la transferencia del control operacional en tiempo de guerra avanza según lo previsto.')).toBe(false);
  });
  it('falls back to <main> or <body> when a page has no <article>', () => {
    expect(htmlArticle('<html><body><main><p>Main text.</p></main><p>Other.</p></body></html>').text).toBe('Main text.');
    expect(htmlArticle('<html><body><p>Body text.</p></body></html>').text).toBe('Body text.');
  });
});
