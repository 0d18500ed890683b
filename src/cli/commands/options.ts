/** Options shared by the commands that compute a picture: the as-of date, knowledge time and reader. */
import { Option } from 'commander';
import { AUDIENCES } from '../../core/common/releasability.js';

export const partyOption = () =>
  new Option('--party <reader>', 'whose eyes: show only what this reader may see (releasability)').choices(AUDIENCES as string[]).default('all');
export const asOfOption = () => new Option('--as-of <date>', 'the date the picture speaks for (YYYY-MM-DD; default today)');
export const knownAtOption = () => new Option('--known-at <date>', 'count only records known by this date or timestamp (default: end of the as-of day)');

export interface ScopeOpts {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly party: string;
  readonly json?: boolean;
}

export const scopeInput = (o: ScopeOpts) => ({ asOf: o.asOf, knownAt: o.knownAt, audience: o.party });

