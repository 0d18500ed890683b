// The README is part of the product: its example plan must validate and its commands must run.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opcon, ROOT } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
  it('has an example plan that validates', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'opcon-readme-')), 'my-plan.yaml');
    writeFileSync(file, yaml!);
    const r = opcon(['plan', 'validate', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('runs every `npx opcon` command of the tour', () => {
    const tour = /## A tour of the CLI\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = tour
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => line.startsWith('npx opcon') && !line.includes('my-plan.yaml') && !line.includes('>'));
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const command of commands) {
      const r = opcon(command.replace('npx opcon', '').trim().split(/\s+/).filter(Boolean));
      expect(r.code, `${command}\n${r.stderr}`).toBe(0);
    }
  });
});
