/**
 * The report as a document of blocks, composed once and rendered to Markdown or HTML: the two
 * formats say the same thing in the same order because they are drawn from one tree.
 */

export type Inline =
  | string
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'emphasis'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  /** A numbered citation: the n-th source of the report's source list. */
  | { readonly kind: 'cite'; readonly n: number };

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[]; readonly isOrdered?: boolean }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly (readonly Inline[])[])[]; readonly numericColumns?: readonly number[] }
  | { readonly kind: 'quote'; readonly inlines: readonly Inline[]; readonly attribution: readonly Inline[] }
  | { readonly kind: 'figure'; readonly svg: string; readonly alt: string; readonly caption: string }
  /** A list of sources, each with its number, so that a citation can link to it. */
  | { readonly kind: 'sources'; readonly items: readonly { readonly n: number; readonly inlines: readonly Inline[] }[] };

export interface ReportDocument {
  readonly kind: 'report-document';
  readonly title: string;
  readonly subtitle: string;
  /** The releasability marking, printed at the top and bottom of every page. */
  readonly marking: string;
  readonly asOf: string;
  readonly blocks: readonly Block[];
}

/** Shorthands for composing blocks. */
export const strong = (text: string): Inline => ({ kind: 'strong', text });
export const emphasis = (text: string): Inline => ({ kind: 'emphasis', text });
export const link = (text: string, url: string): Inline => ({ kind: 'link', text, url });
export const heading = (level: 2 | 3, text: string, id: string): Block => ({ kind: 'heading', level, text, id });
export const paragraph = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines });
