/** A one-line progress indicator on standard error, for a terminal only (pipes and logs stay clean). */

/** A progress reporter that redraws one line; a no-op unless standard error is a terminal. */
export function progressLine(isTty: boolean = process.stderr.isTTY === true): (done: number, total: number, label: string) => void {
  if (!isTty) return () => undefined;
  return (done, total, label) => {
    const line = done >= total ? '' : `  [${done + 1}/${total}] ${label}`;
    process.stderr.write(`\r\u001b[2K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
  };
}
