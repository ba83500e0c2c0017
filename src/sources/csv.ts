// Reads a CSV/TSV file as a TableSource, streaming: the header is read up front, data rows are
// pulled from the file as the consumer asks for them. Also home of the limits every table reader applies.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Transform, pipeline } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { parse } from 'fast-csv';
import { InputError } from '../core/errors.js';
import { columnLetters } from './table.js';
import type { Cell, SourceProblem, TableRow, TableSource } from './table.js';

/** What a table reader refuses to read, so one hostile file cannot take the whole machine. */
export interface TableLimits {
  maxColumns: number;
  /** UTF-8 bytes of one cell's text. */
  maxCellBytes: number;
}

export const DEFAULT_TABLE_LIMITS: Readonly<TableLimits> = { maxColumns: 20_000, maxCellBytes: 1024 * 1024 };

export interface CsvOptions {
  /** Shown as the sheet name in reports; defaults to the file's base name. */
  sheetName?: string;
  limits?: Partial<TableLimits>;
}

export function tooManyColumnsMessage(file: string, row: number, columns: number, max: number): string {
  return `${file} has ${columns.toLocaleString('en-US')} columns (row ${row}); catalog-gate reads at most ${max.toLocaleString('en-US')}. Delete the unused columns, or split the file, and try again.`;
}

export function cellTooLargeMessage(file: string, row: number, column: number, maxBytes: number, hint: string): string {
  return `${file} row ${row}, column ${columnLetters(column)} holds more than ${formatBytes(maxBytes)} of text; catalog-gate reads at most ${formatBytes(maxBytes)} per cell. ${hint}`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

export async function readCsv(file: string, options: CsvOptions = {}): Promise<TableSource> {
  const limits: TableLimits = { ...DEFAULT_TABLE_LIMITS, ...options.limits };
  const prefix = await readPrefix(file);
  if (prefix.includes(0)) {
    throw new InputError(
      'INPUT_INVALID',
      `${file} is not a text file (it contains NUL bytes): it may be a binary file or text saved as UTF-16. Save it as "CSV UTF-8" and try again.`,
    );
  }
  const hasBom = prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf;
  const text = prefix.subarray(hasBom ? 3 : 0);
  const delimiter = sniffDelimiter(text.toString('utf8'), extname(file).toLowerCase() === '.tsv');
  const problems: SourceProblem[] = [];
  if (!isUtf8(text, prefix.length === SNIFF_BYTES)) {
    problems.push({
      code: 'source.not_utf8',
      severity: 'warning',
      row: 1,
      message: `${basename(file)} is not saved as UTF-8, so accented letters and symbols may read wrongly.`,
      hint: 'Save the file as "CSV UTF-8" and validate it again.',
    });
  }

  const source = createReadStream(file, { highWaterMark: SNIFF_BYTES });
  const parser = parse({ headers: false, delimiter, quote: '"', escape: '"', ignoreEmpty: false, trim: false });
  // Errors from any stage reach the parser's iterator: pipeline destroys every stream with the first error.
  pipeline(source, new CsvGuard(file, delimiter, limits), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  let record = 0;
  const next = async (): Promise<string[] | undefined> => {
    let r: IteratorResult<string[]>;
    try {
      r = await records.next();
    } catch (e) {
      throw asInputError(e, file, record + 1);
    }
    if (r.done) return undefined;
    record++;
    return r.value;
  };

  let header: string[] | undefined;
  try {
    for (let raw = await next(); raw !== undefined; raw = await next()) {
      if (!isEmptyRecord(raw)) {
        header = raw;
        break;
      }
    }
  } catch (e) {
    await records.return?.();
    throw e;
  }
  if (header === undefined) {
    await records.return?.();
    throw new InputError('INPUT_INVALID', `${file} has no header row (it is empty). Put the column names in the first row and try again.`);
  }
  const headerRow = record;
  const width = header.length;

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (let raw = await next(); raw !== undefined; raw = await next()) {
        if (isEmptyRecord(raw)) continue;
        if (raw.length > width) {
          const extra = raw.slice(width);
          if (extra.some((v) => v !== '')) problems.push(raggedRow(record, width, extra, delimiter));
          raw.length = width;
        }
        // fast-csv gives a new array per record: its empty strings become empty cells in place, with no copy per row.
        const cells: Cell[] = raw;
        for (let i = 0; i < cells.length; i++) if (cells[i] === '') cells[i] = null;
        yield { row: record, cells };
      }
    } finally {
      await records.return?.();
    }
  }

  return { kind: 'csv', sheet: options.sheetName ?? basename(file), header, headerRow, rows: rows(), problems, close: async () => void (await records.return?.()) };
}

async function readPrefix(file: string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError('INPUT_UNREADABLE', `${file} is not a file. Give the path of a .csv file.`);
    if (info.size === 0) throw new InputError('INPUT_INVALID', `${file} is empty. Put the column names in the first row and try again.`);
    handle = await open(file, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable(file, e);
  } finally {
    await handle?.close();
  }
}

export function unreadable(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
  return new InputError('INPUT_UNREADABLE', `cannot read ${file}: ${why}. Check the path and try again.`, { cause: e });
}

/** The delimiter used most in the first record, outside quotes; ties go to `,` then `;` then tab. */
export function sniffDelimiter(text: string, preferTab = false): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = preferTab ? '\t' : ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** False when the bytes are not valid UTF-8; a character cut off at the end of a partial read does not count. */
function isUtf8(bytes: Buffer, partial: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

function isEmptyRecord(raw: string[]): boolean {
  return raw.every((v) => v === '');
}

function raggedRow(row: number, width: number, extra: string[], delimiter: Delimiter): SourceProblem {
  const shown = extra
    .filter((v) => v !== '')
    .slice(0, 3)
    .map((v) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v))
    .join(', ');
  const name = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  return {
    code: 'source.ragged_row',
    severity: 'error',
    row,
    column: columnLetters(width),
    message: `Row ${row} has ${width + extra.length} values but the header has ${width} columns, so ${shown} ${extra.length === 1 ? 'has' : 'have'} no column.`,
    hint: `A value probably contains an unquoted ${name}: put that value in double quotes, or remove the extra values.`,
  };
}

/** fast-csv reports a parse error without saying where; name the row (as far as it is known) and the likely fix. */
function asInputError(e: unknown, file: string, row: number): unknown {
  if (e instanceof InputError) return e;
  if (typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall !== undefined) return unreadable(file, e);
  const message = e instanceof Error ? e.message : String(e);
  if (!message.startsWith('Parse Error')) return e;
  return new InputError('INPUT_INVALID', `${file} is not valid CSV near row ${row}. Put values that contain the delimiter, line breaks or double quotes in double quotes, doubling any quote inside ("").`, { cause: e });
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

const enum Field {
  Start,
  Unquoted,
  Quoted,
  /** A quote inside a quoted value: either the first of an escaped pair or the closing quote. */
  QuoteSeen,
  /** Past the closing quote: only blanks may come before the delimiter. */
  AfterQuoted,
}

/** Records longer than this reach fast-csv in one piece. */
const HOLD_BYTES = 64 * 1024;

/**
 * Scans the bytes before fast-csv sees them, following its grammar, to enforce the limits while the
 * offending record is still being read. fast-csv re-parses an unfinished record on every chunk, so a
 * long record costs it quadratic time: an unclosed quote in a large file would run for minutes. The
 * guard stops at the cell limit instead, and holds back a long open record until it is complete. It
 * also names the row of malformed quoting, which fast-csv's errors do not. Strips a UTF-8 BOM.
 */
class CsvGuard extends Transform {
  private readonly delimiter: number;
  private first = true;
  private state = Field.Start;
  private row = 1;
  private column = 0;
  private fieldBytes = 0;
  private afterCr = false;
  /** Set once a record has too many columns: keep counting them, pass nothing on. */
  private overflowRow = 0;
  /** Where the last record in the current chunk ended, or -1. */
  private boundary = -1;
  private openRecordBytes = 0;
  /** The start of a long open record, held back until the record is complete. */
  private held: Buffer[] = [];

  constructor(
    private readonly file: string,
    delimiter: Delimiter,
    private readonly limits: TableLimits,
  ) {
    super();
    this.delimiter = delimiter.charCodeAt(0);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let data = chunk;
    if (this.first) {
      this.first = false;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    this.boundary = -1;
    try {
      this.scan(data);
    } catch (e) {
      callback(e as Error);
      return;
    }
    if (this.overflowRow !== 0) return callback();
    this.openRecordBytes = this.boundary < 0 ? this.openRecordBytes + data.length : data.length - this.boundary;
    if (this.openRecordBytes <= HOLD_BYTES) {
      this.release(data);
    } else if (this.boundary < 0) {
      this.held.push(data);
    } else {
      this.release(data.subarray(0, this.boundary));
      this.held.push(data.subarray(this.boundary));
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.overflowRow !== 0) return callback(this.tooManyColumns());
    if (this.state === Field.Quoted) {
      return callback(
        new InputError(
          'INPUT_INVALID',
          `${this.file} row ${this.row}, column ${columnLetters(this.column)} opens a double quote that is never closed. Close the quote, or double it ("") if it is part of the value, and try again.`,
        ),
      );
    }
    this.release(Buffer.alloc(0));
    callback();
  }

  /** Passes on the held bytes of the open record, then `data`. */
  private release(data: Buffer): void {
    const out = this.held.length === 0 ? data : Buffer.concat([...this.held, data]);
    this.held = [];
    if (out.length > 0) this.push(out);
  }

  private scan(data: Buffer): void {
    const delimiter = this.delimiter;
    const maxBytes = this.limits.maxCellBytes;
    for (let i = 0; i < data.length; i++) {
      const b = data[i] as number;
      if (this.afterCr) {
        this.afterCr = false;
        // CR LF ends one record, not two (the CR already ended it).
        if (b === LF) {
          this.boundary = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case Field.Start:
          if (b === QUOTE) {
            this.state = Field.Quoted;
            this.fieldBytes = 0;
            continue;
          }
          if (b !== SPACE && b !== TAB && b !== delimiter && b !== CR && b !== LF) this.state = Field.Unquoted;
          break;
        case Field.Quoted:
          if (b === QUOTE) this.state = Field.QuoteSeen;
          else if (++this.fieldBytes > maxBytes) this.cellTooLarge();
          continue;
        case Field.QuoteSeen:
          if (b === QUOTE) {
            this.state = Field.Quoted;
            if (++this.fieldBytes > maxBytes) this.cellTooLarge();
            continue;
          }
          this.state = Field.AfterQuoted;
          break;
        default:
          break;
      }
      if (b === delimiter) {
        this.state = Field.Start;
        this.fieldBytes = 0;
        if (++this.column >= this.limits.maxColumns && this.overflowRow === 0) this.overflowRow = this.row;
      } else if (b === CR || b === LF) {
        if (this.overflowRow !== 0) throw this.tooManyColumns();
        this.afterCr = b === CR;
        this.boundary = i + 1;
        this.state = Field.Start;
        this.fieldBytes = 0;
        this.column = 0;
        this.row++;
      } else if (this.state === Field.AfterQuoted) {
        if (b !== SPACE && b !== TAB) {
          throw new InputError(
            'INPUT_INVALID',
            `${this.file} row ${this.row}, column ${columnLetters(this.column)} has text after a closing double quote. Put the whole value in double quotes, doubling any quote inside it (""), and try again.`,
          );
        }
      } else if (++this.fieldBytes > maxBytes) {
        this.cellTooLarge();
      }
    }
  }

  private cellTooLarge(): never {
    const hint = this.state === Field.Unquoted || this.state === Field.Start ? 'Shorten that cell and try again.' : 'A double quote that is never closed usually causes this: check the quotes in that row, or shorten the cell, and try again.';
    throw new InputError('INPUT_INVALID', cellTooLargeMessage(this.file, this.row, this.column, this.limits.maxCellBytes, hint));
  }

  private tooManyColumns(): InputError {
    return new InputError('INPUT_INVALID', tooManyColumnsMessage(this.file, this.overflowRow, this.column + 1, this.limits.maxColumns));
  }
}
