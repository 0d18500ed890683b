import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const eslint = new ESLint({ cwd: ROOT });
async function lintAs(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layering and purity (the lint rule)', () => {
  it('keeps src/core free of I/O, clock, randomness and environment', async () => {
    const messages = await lintAs(
      'src/core/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = [Math.random(), Date.now(), new Date(), process.env['X'], readFileSync];\n",
    );
    expect(messages.join('\n')).toMatch(/src\/core is pure: pass I\/O/);
    expect(messages.join('\n')).toMatch(/Math.random/);
    expect(messages.join('\n')).toMatch(/Date.now/);
    expect(messages.join('\n')).toMatch(/`new Date\(\)` reads the clock/);
    expect(messages.join('\n')).toMatch(/process/);
  });
  it('lets core build dates from values', async () => {
    expect(await lintAs('src/core/probe.ts', 'export const d = new Date(0).toISOString();\n')).toEqual([]);
  });
  it('forbids imports against the direction of the layers', async () => {
    const up = "import { x } from '../app/registry.js';\nexport const y = x;\n";
    expect((await lintAs('src/core/probe.ts', up)).join()).toMatch(/must not import from src\/app/);
    expect((await lintAs('src/app/probe.ts', "import { x } from '../cli/main.js';\nexport const y = x;\n")).join()).toMatch(/src\/cli/);
    expect((await lintAs('src/app/probe.ts', "import { x } from '../store/files/dataset-folder.js';\nexport const y = x;\n")).join()).toMatch(/src\/store/);
    expect((await lintAs('src/store/probe.ts', "import { x } from '../app/registry.js';\nexport const y = x;\n")).join()).toMatch(/src\/app/);
    expect((await lintAs('src/cli/probe.ts', "import { x } from '../server/app.js';\nexport const y = x;\n")).join()).toMatch(/src\/server/);
  });
  it('lets store implement the ports that app defines', async () => {
    expect(await lintAs('src/store/probe.ts', "import type { RecordStore } from '../app/ports.js';\nexport type S = RecordStore;\n")).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('house rules', () => {
  it('keeps every source file under ~400 lines of code', () => {
    const big = sourceFiles(join(ROOT, 'src'))
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*|$)/.test(l)).length }))
      .filter((f) => f.lines > 400);
    expect(big).toEqual([]);
  });
  it('documents every exported function of core with a comment', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src', 'core')).filter((f) => !f.includes(`${join('core', 'testing')}`))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^export (async )?function /.test(line) && !/\*\/\s*$/.test(lines[i - 1] ?? '')) missing.push(`${relative(ROOT, file)}:${i + 1}`);
      });
    }
    expect(missing).toEqual([]);
  });
});
