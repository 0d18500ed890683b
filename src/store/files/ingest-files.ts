/** Ingestion's reads from files: the lexicon folder, one input file (or standard input) and folders of labelled JSON documents. */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, ok, type Problem, type Result } from '../../core/common/result.js';
import type { IngestStore, InputBytes, InputList, LabelledFile } from '../../app/ports.js';
import { readIngestLexicon } from './ingest-lexicon.js';
import { readText } from './read-text.js';

async function readStdin(maxBytes: number): Promise<InputBytes> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total <= maxBytes + 1) chunks.push(chunk);
  }
  return { kind: 'input-bytes', name: 'standard input', bytes: new Uint8Array(Buffer.concat(chunks).subarray(0, maxBytes + 1)), totalBytes: total };
}

/** Read at most `maxBytes + 1` bytes of a file, with its full size. */
export async function readInputBytes(path: string, maxBytes: number): Promise<Result<InputBytes>> {
  if (path === '-') return ok(await readStdin(maxBytes));
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail('unreadable', `cannot read ${path}: it is a folder, not a file`, [{ message: 'a folder', path: '(file)', file: path }]);
    const handle = await open(path, 'r');
    try {
      const size = Math.min(info.size, maxBytes + 1);
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      return ok({ kind: 'input-bytes', name: path, bytes: new Uint8Array(buffer.subarray(0, bytesRead)), totalBytes: info.size });
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return fail('unreadable', `cannot read ${path}: ${reason}`, [{ message: reason, path: '(file)', file: path }]);
  }
}

/** Read every `*.json` file of a folder (sorted by name), resolving `textFile` beside each. */
export async function readLabelledFolder(folder: string): Promise<Result<readonly LabelledFile[]>> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message;
    return fail('unreadable', `cannot read ${folder}: ${reason}`, [{ message: reason, path: '(folder)', file: folder }]);
  }
  if (names.length === 0) return fail('invalid-input', `${folder}: no labelled documents (*.json) in this folder`, [{ message: 'no *.json files', path: '(folder)', file: folder }]);
  const files: LabelledFile[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const text = await readText(path);
    if (!text.ok) {
      problems.push(...text.error.problems);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text.value);
    } catch (error) {
      problems.push({ message: `not valid JSON: ${(error as Error).message}`, path: '(document)', file: path });
      continue;
    }
    const textFile = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['textFile'] : undefined;
    let textFromFile: string | null = null;
    if (typeof textFile === 'string') {
      const body = await readText(resolve(dirname(path), textFile));
      if (!body.ok) problems.push({ message: body.error.message, path: 'textFile', file: path });
      else textFromFile = body.value;
    }
    files.push({ kind: 'labelled-file', name: basename(path), json, textFromFile });
  }
  if (problems.length > 0) return fail('invalid-dataset', `${folder}: ${problems.length} problem(s) in the labelled documents`, problems);
  return ok(files);
}

/** The file at a path, or the visible regular files of a folder, sorted by name. */
export async function listInputs(path: string): Promise<Result<InputList>> {
  if (path === '-') return ok({ kind: 'input-list', isFolder: false, files: ['-'] });
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return ok({ kind: 'input-list', isFolder: false, files: [path] });
    const entries = await readdir(path, { withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => join(path, e.name)).sort();
    if (files.length === 0) return fail('invalid-input', `${path}: no files in this folder`, [{ message: 'no files', path: '(folder)', file: path }]);
    return ok({ kind: 'input-list', isFolder: true, files });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return fail('unreadable', `cannot read ${path}: ${reason}`, [{ message: reason, path: '(file)', file: path }]);
  }
}

/** The ingestion store over a lexicon folder. */
export function createIngestFiles(lexiconFolder: string): IngestStore {
  return {
    kind: 'ingest-store',
    lexicon: () => readIngestLexicon(lexiconFolder),
    readInput: readInputBytes,
    readLabelled: readLabelledFolder,
    listInputs,
  };
}
