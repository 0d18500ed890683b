/**
 * YAML parsing that keeps positions, so every problem can be reported with file, line and
 * path. Parses the whole document before validating so that all problems are reported at once.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, type Problem } from '../../core/common/result.js';

export interface ParsedYaml {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly file: string;
}

/** Parse YAML text; syntax errors come back as problems with their line and column. */
export function parseYaml(text: string, file: string): { readonly parsed: ParsedYaml; readonly problems: readonly Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = [...document.errors, ...document.warnings].map((error) => {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    return {
      message: `YAML ${error.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${error.message.split('\n')[0] ?? ''}`,
      path: '(document)',
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    };
  });
  return { parsed: { document, lineCounter, file }, problems };
}

/** The line and column of the value at a path, or of the nearest ancestor that exists. */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[]): { readonly line?: number; readonly column?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = parsed.document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = parsed.lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/** Turn zod issues into located problems. */
export function zodProblems(parsed: ParsedYaml, issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Problem[] {
  return issues.flatMap((issue) => {
    // A union failure has nested issues per branch; report the branch closest to matching.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return zodProblems(parsed, best, [...prefix, ...issue.path]);
    }
    const path = [...prefix, ...issue.path];
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (keys.length > 0) {
      return keys.map((key) => ({
        message: `unknown field "${key}"`,
        path: formatPath([...path, key]),
        file: parsed.file,
        ...locate(parsed, [...path, key]),
      }));
    }
    return [{ message: issue.message, path: formatPath(path), file: parsed.file, ...locate(parsed, path) }];
  });
}
