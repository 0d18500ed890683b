/** Failed-login limiting: a fixed number of failures per key in a sliding window, then 429 until the oldest ages out. */

export interface RateLimiter {
  /** Milliseconds until another attempt is allowed; 0 when one is allowed now. */
  retryAfterMs(key: string, nowMs: number): number;
  recordFailure(key: string, nowMs: number): void;
  reset(key: string): void;
}

/** A limiter allowing `maxFailures` failures per `windowMs` per key (kept in memory; bounded in keys). */
export function createRateLimiter(maxFailures: number, windowMs: number, maxKeys = 10_000): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => (failures.get(key) ?? []).filter((t) => nowMs - t < windowMs);
  return {
    retryAfterMs(key, nowMs) {
      const times = recent(key, nowMs);
      if (times.length < maxFailures) return 0;
      return windowMs - (nowMs - (times[0] ?? nowMs));
    },
    recordFailure(key, nowMs) {
      const times = recent(key, nowMs);
      times.push(nowMs);
      failures.delete(key);
      failures.set(key, times);
      // Forget the keys seen longest ago first, so a flood of names cannot grow the map without bound.
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
