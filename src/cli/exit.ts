// Exit codes of CONTRACT.md and the one-line reason on stderr; the only place errors become exits.
import { isCatalogGateError } from '../core/errors.js';

export const EXIT_OK = 0;
export const EXIT_ISSUES = 1;
export const EXIT_FAILURE = 2;

/** Whether the error is a write to a pipe whose reader has gone (`catalog-gate validate … | head`). */
function isBrokenPipe(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'EPIPE';
}

/**
 * Prints a one-line reason (a stack only with --debug) and returns the exit code for it. A closed stdout is no
 * internal error: the line says the report was cut short, and the exit is 2 so a script does not read the run as
 * passed.
 */
export function reportFailure(e: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  if (isBrokenPipe(e)) {
    stderr.write('catalog-gate: the output was closed before the report was complete (the program reading it stopped, e.g. `| head`)\n');
    return EXIT_FAILURE;
  }
  const message = isCatalogGateError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (rerun with --debug for details)`;
  stderr.write(`catalog-gate: ${oneLine(message)}\n`);
  if (debug && e instanceof Error && e.stack !== undefined) stderr.write(`${e.stack}\n`);
  return EXIT_FAILURE;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
