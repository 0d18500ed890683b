// docs/forecast-model.md is part of the product: its example models must run and its plan section must parse.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ForecastParamsSchema } from '../src/core/forecast/plan-params.js';
import { opcon, ROOT } from './helpers/cli.js';

const doc = readFileSync(join(ROOT, 'docs', 'forecast-model.md'), 'utf8');
const blocks = (language: string) => [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('docs/forecast-model.md', () => {
  it('has example model files that run', () => {
    const models = blocks('json').filter((b) => b.includes('"forecast-model"'));
    expect(models.length).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(join(tmpdir(), 'opcon-docs-'));
    models.forEach((text, i) => {
      const file = join(dir, `example-${i}.json`);
      writeFileSync(file, text);
      const r = opcon(['forecast', '--model', file, '--iterations', '3000']);
      expect(r.stderr, `example ${i}`).toBe('');
      expect(r.code).toBe(0);
    });
  });

  it('shows a forecast section that parses', () => {
    const section = blocks('yaml').find((b) => b.startsWith('forecast:'));
    expect(section).toBeDefined();
    const parsed = ForecastParamsSchema.safeParse((parse(section!) as { forecast: unknown }).forecast);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('documents every distribution kind and override kind the schemas accept', () => {
    for (const kind of ['lognormal', 'pert', 'triangular', 'uniform', 'fixed', 'met']) expect(doc).toContain(`| \`${kind}\` |`);
    for (const kind of ['adopt-ratings', 'set-rating', 'political-decision', 'escalation-level', 'delay', 'gate']) expect(doc).toContain(`| \`${kind}\` |`);
  });
});

describe('docs/examples', () => {
  it('holds the harbour example exactly as the page shows it', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'harbour-model.json'), 'utf8'));
    const shown = blocks('json').map((b) => JSON.parse(b)).find((m) => m.title === 'Harbour security handover');
    expect(file).toEqual(shown);
  });
});
