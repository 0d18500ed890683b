/**
 * Cached GET responses. A key holds the route, its query, the reader's audience and the day; the
 * entry is valid only while the audit head (which moves on every write, from any process) is the
 * one it was computed at, so a cached answer is never older than the record.
 */

export interface CachedResponse {
  /** The JSON as bytes, encoded once. */
  readonly body: Uint8Array;
  readonly gzipped: Uint8Array;
  readonly etag: string;
  readonly auditSeq: number;
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
