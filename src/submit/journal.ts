// An append-only journal of JSON entries, one a line, each carrying a checksum of its own text, fsynced
// on every append: what the submit ledger is made of. A torn last line (the process killed mid-write) is
// dropped and cut off before the next append; a damaged line anywhere else is an error, never skipped.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { InputError } from '../core/errors.js';

/** 8 hex digits of the line's sha256: enough to tell a torn or edited line from a whole one. */
export function lineChecksum(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 8);
}

/** `<checksum> <json>`: the checksum first, so a torn line never parses as a whole one. */
export function encodeLine(entry: unknown): string {
  const body = JSON.stringify(entry);
  return `${lineChecksum(body)} ${body}\n`;
}

export interface ReadJournal<T> {
  entries: T[];
  /** Bytes of whole lines: where the next append goes (a torn tail is cut off there). */
  goodBytes: number;
  /** Whether a torn last line was dropped. */
  tornTail: boolean;
}

function decode(line: string): unknown {
  const space = line.indexOf(' ');
  if (space !== 8) return undefined;
  const body = line.slice(9);
  if (lineChecksum(body) !== line.slice(0, 8)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads every whole entry; `file` missing is an empty journal. */
export function readJournal<T>(file: string, isEntry: (v: unknown) => v is T): ReadJournal<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], goodBytes: 0, tornTail: false };
    throw new InputError('INPUT_UNREADABLE', `cannot read the submit ledger ${file}: ${(e as Error).message}`, { cause: e });
  }
  const entries: T[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < text.length) {
    lineNo++;
    const nl = text.indexOf('\n', offset);
    const last = nl < 0;
    const line = last ? text.slice(offset) : text.slice(offset, nl);
    // A line counts only once its newline is written: a last line without one was cut short by a kill
    // (append() had not returned, so nothing that depends on it happened) and is dropped.
    if (last) return { entries, goodBytes: Buffer.byteLength(text.slice(0, offset)), tornTail: true };
    const value = decode(line);
    if (value === undefined || !isEntry(value)) {
      throw new InputError('INPUT_INVALID', `the submit ledger ${file} is damaged at line ${lineNo}; restore it from a backup or move it aside (the next submit then starts a new ledger and may send records again)`);
    }
    entries.push(value);
    offset = nl + 1;
  }
  return { entries, goodBytes: Buffer.byteLength(text), tornTail: false };
}

/** The open journal: appends are written and fsynced before append() returns. */
export class JournalWriter {
  readonly #fd: number;
  #closed = false;

  constructor(file: string, goodBytes: number) {
    this.#fd = openSync(file, 'a+');
    // Cut a torn tail so the next entry starts on a line of its own.
    ftruncateSync(this.#fd, goodBytes);
  }

  /** Writes the entries as one write and waits for them to reach the disk. */
  append(entries: readonly unknown[]): void {
    if (this.#closed) throw new Error('the submit ledger is closed');
    if (entries.length === 0) return;
    const buf = Buffer.from(entries.map(encodeLine).join(''), 'utf8');
    let done = 0;
    while (done < buf.length) done += writeSync(this.#fd, buf, done, buf.length - done);
    fsyncSync(this.#fd);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}
