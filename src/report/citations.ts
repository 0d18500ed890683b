/**
 * Numbered citations: each source the report cites gets a number in order of first citation, and
 * the appendix lists them by number. Only sources in the reader's scoped record can be cited, so a
 * citation never points at something the reader may not see.
 */
import type { Ledger, Source, Statement } from '../core/ledger/schema.js';
import type { Inline } from './document.js';

export interface Citations {
  /** Citations for these sources and the sources of these statements, in order, without repeats. */
  cite(sourceIds: readonly string[], statementIds?: readonly string[]): Inline[];
  /** The source a statement comes from, when visible. */
  statement(id: string): Statement | undefined;
  /** Every source cited so far, with its number. */
  cited(): readonly { readonly n: number; readonly source: Source }[];
}

/** A citation register over the reader's scoped record. */
export function createCitations(ledger: Ledger): Citations {
  const sources = new Map(ledger.sources.map((s) => [s.id, s]));
  const statements = new Map(ledger.statements.map((s) => [s.id, s]));
  const numbers = new Map<string, number>();
  const order: Source[] = [];
  const numberOf = (id: string): number | undefined => {
    const known = numbers.get(id);
    if (known !== undefined) return known;
    const source = sources.get(id);
    if (source === undefined) return undefined;
    order.push(source);
    numbers.set(id, order.length);
    return order.length;
  };
  return {
    cite(sourceIds, statementIds = []) {
      const ids = [...sourceIds, ...statementIds.flatMap((id) => {
        const s = statements.get(id);
        return s === undefined ? [] : [s.sourceId];
      })];
      const ns = [...new Set(ids.map(numberOf).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
      return ns.map((n) => ({ kind: 'cite', n }));
    },
    statement: (id) => statements.get(id),
    cited: () => order.map((source, i) => ({ n: i + 1, source })),
  };
}
