#!/usr/bin/env node
// The `opcon` command. The CLI is bundled into dist/ by `npm run build` (run by `npm ci`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/opcon.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('opcon is not built yet: run `npm run build` (or `npm ci`) in the package folder.\n');
  process.exit(1);
}
await import(bundle);
