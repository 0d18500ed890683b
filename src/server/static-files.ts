/** The built dashboard: files under one folder, index.html for every other non-API path (client-side routes). */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export interface StaticFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Hashed build assets never change; everything else is revalidated. */
  readonly isImmutable: boolean;
}

/** The file for a URL path, or index.html for a client route; undefined when the dashboard is not built. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const decoded = (() => {
    try {
      return decodeURIComponent(urlPath);
    } catch {
      return '/';
    }
  })();
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  // Never serve outside the root, whatever the path says.
  const isInside = full === root || full.startsWith(root.endsWith(sep) ? root : root + sep);
  const candidate = isInside && relative !== '' && (await stat(full).catch(() => undefined))?.isFile() === true ? full : join(root, 'index.html');
  const body = await readFile(candidate).catch(() => undefined);
  if (body === undefined) return undefined;
  return { body, contentType: TYPES[extname(candidate)] ?? 'application/octet-stream', isImmutable: candidate.includes(`${sep}assets${sep}`) };
}
