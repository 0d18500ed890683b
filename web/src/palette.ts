/** Colours the dashboard computes with (the rest are in styles.css); test/web-contrast checks them all. */

/** Heat-map cell fill by gap in rating steps (0–3), light to dark; the ink flips so that every cell keeps a 4.5:1 contrast. */
export const GAP_FILL = ['#e8f1e4', '#fde0b2', '#f4a261', '#b2182b'] as const;
export const GAP_INK = ['#111111', '#111111', '#111111', '#ffffff'] as const;
