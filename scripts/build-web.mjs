// Builds the dashboard (web/ → dist/web) with Vite when its sources are newer than the last build,
// and reports the size of its JavaScript, raw and gzipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when dist/web is newer than web/ and the Vite config. */
export function isWebBuildFresh() {
  const index = join(out, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= Math.max(newest(join(root, 'web')), newest(join(root, 'vite.config.ts')));
}

/** The built JavaScript's size in bytes, raw and gzipped. */
export function webJsSizes() {
  const assets = join(out, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(assets, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Build with Vite (always), as a production build whatever NODE_ENV the caller runs under. */
export async function buildWeb() {
  const { build } = await import('vite');
  // The React plugin picks its JSX transform from NODE_ENV: under a test runner ("test") it would emit
  // jsxDEV calls, which React's production runtime does not define, and the page would stay blank.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'web'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const assets = join(out, 'assets');
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    if (readFileSync(join(assets, file), 'utf8').includes('jsxDEV')) throw new Error(`dist/web/assets/${file} is a development build (jsxDEV calls)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const isForced = process.argv.includes('--force');
  if (isForced || !isWebBuildFresh()) await buildWeb();
  const { raw, gzip } = webJsSizes();
  console.log(`dashboard: dist/web, JavaScript ${(raw / 1024).toFixed(0)} kB (${(gzip / 1024).toFixed(0)} kB gzipped)`);
}
