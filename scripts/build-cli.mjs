// Bundles the CLI into dist/ so `npx opcon` starts fast without a TypeScript loader.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Build dist/opcon.mjs from src/cli/main.ts, and beside it the forecast's worker-thread script. */
export async function buildCli() {
  await build({
    entryPoints: {
      opcon: join(root, 'src/cli/main.ts'),
      'forecast-worker': join(root, 'src/app/forecast/worker.ts'),
    },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
