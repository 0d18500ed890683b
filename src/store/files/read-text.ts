/** Reading files into typed results: a missing or unreadable file is an expected failure. */
import { readFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../../core/common/result.js';

/** Read a UTF-8 text file, or fail with `unreadable` naming the file and the reason. */
export async function readText(path: string): Promise<Result<string>> {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder, not a file' : (error as Error).message;
    return fail('unreadable', `cannot read ${path}: ${reason}`, [{ message: reason, path: '(file)', file: path }]);
  }
}
