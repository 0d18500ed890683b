// Repository hygiene: no merge-conflict markers left in any tracked text file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

describe('repository hygiene', () => {
  it('has no merge-conflict markers in tracked files', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => /\.(ts|tsx|js|mjs|json|ya?ml|md|txt)$/.test(f) || f === '.ci/run');
    const marked = files.filter((f) => /^(<{7}|>{7}) /m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(marked).toEqual([]);
  });
});
