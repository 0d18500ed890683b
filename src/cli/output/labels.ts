/** Words for ratings, readiness and dates as the CLI prints them: the report's words, and the terminal's colours. */
import type { Rating } from '../../core/ledger/schema.js';
import type { Colour } from './style.js';

export { RATING_WORDS, citationText, daysText, gapText, groupThousands, percentText, ratingText, readinessText, signedDays, signedPoints } from '../../report/words.js';

/** The colour of a rating. */
export function ratingColour(rating: Rating | 'unassessed' | null): Colour[] {
  if (rating === 3) return ['green'];
  if (rating === 2) return ['cyan'];
  if (rating === 1) return ['yellow'];
  if (rating === 0) return ['red'];
  return ['gray'];
}

