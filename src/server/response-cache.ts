/**
 * Cached GET responses. A key holds the route, its query, the reader's audience and the day; the
 * entry is valid only while the audit head (which moves on every write, from any process) is the
 * one it was computed at, so a cached answer is never older than the record.
 */

import { gzipSync } from 'node:zlib';

/** A response header: name and value. Lists of pairs go to Node's writeHead and to a Response as they are. */
export type HeaderPair = readonly [string, string];

export interface CachedResponse {
  /** The JSON as bytes, encoded once. */
  readonly body: Uint8Array;
  readonly gzipped: Uint8Array;
  readonly etag: string;
  readonly auditSeq: number;
  /** The entry's own headers of a hit, plain and gzipped, built once. */
  readonly headers: { readonly identity: readonly HeaderPair[]; readonly gzip: readonly HeaderPair[] };
}

export interface ResponseCache {
  get(key: string, auditSeq: number): CachedResponse | undefined;
  set(key: string, value: CachedResponse): void;
  readonly size: number;
}

/** A least-recently-used cache of at most `maxEntries` responses. */
export function createResponseCache(maxEntries = 256): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  return {
    get(key, auditSeq) {
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      if (hit.auditSeq !== auditSeq) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}

/** The key of a cached answer: the route, its query (in a canonical order), the reader's audience and role, and the day. */
export function cacheKeyOf(routePath: string, search: string, reader: { readonly audience: string; readonly role: string }, today: string): string {
  if (search === '') return `${routePath}?|${reader.audience}|${reader.role}|${today}`;
  const params = [...new URLSearchParams(search).entries()].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  return `${routePath}?${new URLSearchParams(params).toString()}|${reader.audience}|${reader.role}|${today}`;
}

/** A cache entry for the JSON `body` computed at audit head `auditSeq`: bytes, gzip, ETag and headers, once. */
export function cacheEntry(body: string, auditSeq: number): CachedResponse {
  const etag = `"${auditSeq}-${body.length.toString(36)}-${simpleHash(body)}"`;
  const identity: HeaderPair[] = [['Content-Type', 'application/json; charset=utf-8'], ['ETag', etag], ['X-Cache', 'hit'], ['Vary', 'Accept-Encoding, Cookie, Authorization']];
  return { body: Buffer.from(body), gzipped: gzipSync(body), etag, auditSeq, headers: { identity, gzip: [...identity, ['Content-Encoding', 'gzip']] } };
}

export interface CachedAnswer {
  readonly status: 200 | 304;
  readonly headers: readonly HeaderPair[];
  readonly body: Uint8Array | null;
}

/**
 * The answer to a request for a cached entry: 304 when the client has it, gzipped when the client
 * accepts it (compressed once, when cached), with `base` (request id, security headers) first.
 */
export function cachedAnswer(entry: CachedResponse, request: { readonly ifNoneMatch: string | undefined; readonly acceptEncoding: string | undefined }, base: readonly HeaderPair[], state: 'hit' | 'miss'): CachedAnswer {
  if (request.ifNoneMatch === entry.etag) return { status: 304, headers: [...base, ['ETag', entry.etag]], body: null };
  const isGzip = request.acceptEncoding !== undefined && /\bgzip\b/.test(request.acceptEncoding);
  const own = isGzip ? entry.headers.gzip : entry.headers.identity;
  return { status: 200, headers: base.concat(state === 'hit' ? own : own.map(([name, value]) => [name, name === 'X-Cache' ? state : value])), body: isGzip ? entry.gzipped : entry.body };
}

/** A short non-cryptographic digest for ETags (FNV-1a over UTF-16 code units). */
function simpleHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
