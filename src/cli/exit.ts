// Exit codes of CONTRACT.md and the one-line reason on stderr; the only place errors become exits.
import { isCatalogGateError } from '../core/errors.js';

export const EXIT_OK = 0;
export const EXIT_ISSUES = 1;
export const EXIT_FAILURE = 2;

/** Prints a one-line reason (a stack only with --debug) and returns the exit code for it. */
export function reportFailure(e: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  const message = isCatalogGateError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (rerun with --debug for details)`;
  stderr.write(`catalog-gate: ${oneLine(message)}\n`);
  if (debug && e instanceof Error && e.stack !== undefined) stderr.write(`${e.stack}\n`);
  return EXIT_FAILURE;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
