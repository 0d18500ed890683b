// Layers are folders and imports go one way: core ← app ← server / cli / report; store implements
// the ports that app defines; web talks to the API only. core is pure: no I/O, clock, randomness or env.
import tseslint from 'typescript-eslint';

const NODE_IO = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'worker_threads',
  'os', 'dgram', 'dns', 'tls', 'cluster', 'readline', 'process', 'path', 'url', 'stream', 'zlib', 'crypto']
  .flatMap((m) => [m, `node:${m}`]);

/** Forbid imports of other layers by folder name; `allowed` lists files of those folders that may be imported. */
function layer(files, forbiddenFolders, extra = [], allowed = []) {
  const except = allowed.length === 0 ? '' : `(?!(${allowed.join('|')})$)`;
  return {
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...forbiddenFolders.map((folder) => ({
            regex: `(^|/)${folder}(/${except}|$)`,
            message: `this layer must not import from src/${folder} (see DESIGN.md, Architecture)`,
          })),
          ...extra,
        ],
      }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  layer(['src/core/**/*.ts'], ['app', 'store', 'server', 'cli', 'report'], [
    { group: NODE_IO, message: 'src/core is pure: pass I/O results in as data' },
  ]),
  layer(['src/app/**/*.ts'], ['store', 'server', 'cli', 'report']),
  // store implements the ports that app defines, so it may import app/ports and nothing else of app.
  layer(['src/store/**/*.ts'], ['app', 'server', 'cli', 'report'], [], ['ports\\.js']),
  layer(['src/report/**/*.ts'], ['server', 'cli', 'store']),
  layer(['src/server/**/*.ts'], ['cli']),
  // The CLI composes the server for `opcon serve` through its one entry point.
  layer(['src/cli/**/*.ts'], ['server'], [], ['start\\.js']),
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core is pure: configuration comes in as parameters' },
        { name: 'fetch', message: 'src/core is pure: no I/O' },
        { name: 'setTimeout', message: 'src/core is pure: no timers' },
        { name: 'performance', message: 'src/core is pure: no clock' },
        { name: 'crypto', message: 'src/core is pure: use the seeded generator' }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'src/core is pure: take a seeded generator as a parameter' },
        { object: 'Date', property: 'now', message: 'src/core is pure: take the clock as a parameter' },
        { object: 'process', property: 'env', message: 'src/core is pure: config is parsed once outside core' }],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'src/core is pure: `new Date()` reads the clock; take the date as a parameter',
      }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**'], message: 'web talks to the API only' }] }],
    },
  },
  {
    files: ['src/cli/output/**/*.ts', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
