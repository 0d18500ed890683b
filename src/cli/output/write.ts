/** The only place the CLI writes to the terminal. */
import { writeFile } from 'node:fs/promises';

/** Write text to standard output. */
export function printOut(text: string): void {
  process.stdout.write(text);
}

/** Write text to standard error. */
export function printErr(text: string): void {
  process.stderr.write(text);
}

/** Write a value as stable, indented JSON. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Write a file the user asked for (a report). */
export async function writeOutFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}
