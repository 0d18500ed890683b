/** Levels at which decisions are taken, lowest first; a module of its own so the forecast section can use it. */
export const DECISION_LEVELS = ['military', 'ministerial', 'political', 'legislative'] as const;
