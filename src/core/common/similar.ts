/** Suggestions for mistyped ids ("did you mean …?"). */

/** Edit distance between two strings (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/** The closest known id within a small edit distance, if any. */
export function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  // A one-letter id is "close" to every other one-letter id; only suggest when something is shared.
  let bestDistance = Math.min(Math.max(1, Math.floor(id.length / 4)) + 1, id.length);
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
