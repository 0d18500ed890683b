/**
 * Labelled documents in the corpus format (`../shared/corpus/README.md`): the article with its
 * gold labels. The repository's own fixtures may give `textFile` (a path beside the fixture)
 * instead of `text`, so that an article kept elsewhere in the repository is not copied.
 */
import { z } from 'zod';
import { isPartialDate } from '../common/dates.js';

const IsoDate = z.string().refine(isPartialDate, 'expected a date YYYY-MM-DD');

export const GoldSchema = z.object({
  quotes: z.array(z.object({ speaker: z.string().nullable(), role: z.string().nullable(), side: z.enum(['ROK', 'US', 'other', 'unknown']), text: z.string().min(1) })),
  timeline_targets: z.array(
    z.object({
      expression: z.string().min(1),
      normalized: z.string().regex(/^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD'),
      kind: z.enum(['target', 'deadline', 'event', 'term_end', 'other']),
      holder: z.enum(['ROK', 'US', 'joint', 'unknown']),
    }),
  ),
  conditions_mentioned: z.array(z.enum(['capability_to_lead', 'strike_and_air_defense', 'regional_security_environment'])),
  stances: z.array(z.object({ side: z.enum(['ROK', 'US']), stance: z.enum(['accelerate', 'cautious', 'neutral']), evidence: z.string().min(1) })),
  forums: z.array(z.string().regex(/^(SCM|MCM|KIDD|summit|other: .+)$/, 'expected SCM, MCM, KIDD, summit or "other: <name>"')),
  events: z.array(z.object({ date: z.string().refine(isPartialDate, 'expected YYYY, YYYY-MM or YYYY-MM-DD'), what: z.string(), evidence: z.string().min(1) })),
});

export type Gold = z.output<typeof GoldSchema>;

export const LabelledFileSchema = z
  .object({
    url: z.string().nullable().optional(),
    outlet: z.string().nullable().optional(),
    published: IsoDate,
    title: z.string().nullable().optional(),
    text: z.string().min(1).optional(),
    textFile: z.string().min(1).optional(),
    gold: GoldSchema,
  })
  .refine((f) => (f.text === undefined) !== (f.textFile === undefined), { message: 'give exactly one of "text" and "textFile"', path: ['text'] });

/** A labelled document ready to score: its text resolved. */
export interface LabelledDocument {
  readonly kind: 'labelled-document';
  /** Where it came from, for the report. */
  readonly name: string;
  readonly text: string;
  readonly published: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly gold: Gold;
}
