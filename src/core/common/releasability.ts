/**
 * Releasability markings and who may see what. Every roll-up is computed only over what the
 * viewer may see, so filtering happens before any computation, never after.
 */
import { z } from 'zod';

export const RELEASABILITY = ['PUBLIC', 'ROK-US', 'ROK-ONLY', 'US-ONLY'] as const;
export type Releasability = (typeof RELEASABILITY)[number];
export const ReleasabilitySchema = z.enum(RELEASABILITY);

/** Who is reading: a party's staff, the combined staff, the public, or a local administrator. */
export type Audience = 'ROK' | 'US' | 'combined' | 'public' | 'all';
export const AUDIENCES: readonly Audience[] = ['ROK', 'US', 'combined', 'public', 'all'];

const VISIBLE: Readonly<Record<Audience, readonly Releasability[]>> = {
  public: ['PUBLIC'],
  combined: ['PUBLIC', 'ROK-US'],
  ROK: ['PUBLIC', 'ROK-US', 'ROK-ONLY'],
  US: ['PUBLIC', 'ROK-US', 'US-ONLY'],
  all: ['PUBLIC', 'ROK-US', 'ROK-ONLY', 'US-ONLY'],
};

/** The markings an audience may see. */
export function visibleMarkings(audience: Audience): readonly Releasability[] {
  return VISIBLE[audience];
}

/** Whether an audience may see an item with this marking. */
export function isVisibleTo(marking: Releasability, audience: Audience): boolean {
  return VISIBLE[audience].includes(marking);
}

/** Keep only the items an audience may see. */
export function filterVisible<T extends { readonly releasability: Releasability }>(
  items: readonly T[],
  audience: Audience,
): readonly T[] {
  return items.filter((item) => isVisibleTo(item.releasability, audience));
}

/**
 * The marking of a product (brief, report, page) built from items with these markings: the
 * most restricted one. A product holding both ROK-ONLY and US-ONLY items is releasable to
 * neither party alone and is marked with both.
 */
export type ProductMarking = Releasability | 'ROK-ONLY/US-ONLY';

/** The marking of a product that includes items with these markings. */
export function overallMarking(markings: Iterable<Releasability>): ProductMarking {
  const seen = new Set(markings);
  if (seen.has('ROK-ONLY') && seen.has('US-ONLY')) return 'ROK-ONLY/US-ONLY';
  if (seen.has('ROK-ONLY')) return 'ROK-ONLY';
  if (seen.has('US-ONLY')) return 'US-ONLY';
  if (seen.has('ROK-US')) return 'ROK-US';
  return 'PUBLIC';
}

/**
 * The widest audience that sees no more than both `requested` and `allowed`: a reader may ask
 * for a narrower view of the record than their own, never a wider one.
 */
export function narrowAudience(requested: Audience, allowed: Audience): Audience {
  const both = VISIBLE[requested].filter((m) => VISIBLE[allowed].includes(m));
  // The visible sets are closed under intersection, so exactly one audience has this set.
  const match = AUDIENCES.find((a) => VISIBLE[a].length === both.length && VISIBLE[a].every((m) => both.includes(m)));
  if (match === undefined) throw new Error(`no audience sees exactly ${both.join(', ')}`);
  return match;
}
