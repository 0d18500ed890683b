/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC. */

/** The date `days` after `isoDate` (negative: before); fractional days fall in the day they reach. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + Math.floor(days) * 86_400_000).toISOString().slice(0, 10);
}
