import type { LedgerCollection } from './schema.js';

/** The ledger collections in a fixed order (files, tables and exports follow it). */
export const COLLECTION_NAMES: readonly LedgerCollection[] = ['sources', 'statements', 'events', 'assessments', 'gateRecords', 'decisions', 'escalations'];
