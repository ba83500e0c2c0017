// A workbook's shared strings, packed: ExcelJS's 'cache' mode keeps each one as a JS string in an array, several
// per row of a typical sheet (432k strings, most of the reader's memory, for a 100k-row sheet). Here they are UTF-8
// bytes in fixed-size chunks with an end offset each, and a string is made only when a cell asks for it. Chunks, not
// one buffer that doubles: a doubling buffer leaves its outgrown halves (16 + 8 + 4... MiB for that sheet) as garbage
// the worker's collector may not get to before the sheet is read.

// In a u-mode pattern a surrogate pair is one code point, so this finds only the halves that stand alone.
const LONE_SURROGATE = /\p{Cs}/u;
// Strings that would not come back the same from UTF-8 (lone surrogates) or fill more than a chunk: few, kept as they are.
const NOT_PACKED = 0xffffffff;
/** Bytes in a chunk. A string never spans two: one that does not fit the rest of a chunk starts the next. */
const CHUNK = 1024 * 1024;

export class SharedStrings {
  readonly #chunks: Buffer[] = [];
  #ends = new Uint32Array(1024);
  /** Where the next string goes, counted over all chunks (chunk k holds offsets k*CHUNK up to (k+1)*CHUNK). */
  #used = 0;
  #count = 0;
  readonly #unpacked = new Map<number, string>();

  get size(): number {
    return this.#count;
  }

  /** Adds the next string (ExcelJS numbers them in order): plain text, or rich text as its runs' text joined. */
  add(text: string): void {
    const index = this.#count++;
    if (index >= this.#ends.length) {
      const ends = new Uint32Array(this.#ends.length * 2);
      ends.set(this.#ends);
      this.#ends = ends;
    }
    const size = text.length * 3 <= CHUNK ? text.length * 3 : Buffer.byteLength(text);
    if (size > CHUNK || this.#used + 2 * CHUNK > NOT_PACKED || (!isAscii(text) && LONE_SURROGATE.test(text))) {
      this.#unpacked.set(index, text);
      this.#ends[index] = NOT_PACKED;
      return;
    }
    let chunk = Math.floor(this.#used / CHUNK);
    let at = this.#used - chunk * CHUNK;
    if (at + size > CHUNK && at + Buffer.byteLength(text) > CHUNK) {
      chunk++;
      at = 0;
    }
    const bytes = (this.#chunks[chunk] ??= Buffer.allocUnsafe(CHUNK));
    this.#used = chunk * CHUNK + at + bytes.write(text, at, 'utf8');
    this.#ends[index] = this.#used;
  }

  /** The string at `index`, or undefined past the end (as an array would give). */
  get(index: number): string | undefined {
    if (!(Number.isInteger(index) && index >= 0 && index < this.#count)) return undefined;
    const end = this.#ends[index] as number;
    if (end === NOT_PACKED) return this.#unpacked.get(index);
    const after = this.#endBefore(index);
    if (end === after) return '';
    // The chunk its last byte is in; it starts where the string before it ended, or at that chunk's start.
    const chunk = Math.floor((end - 1) / CHUNK);
    const base = chunk * CHUNK;
    return (this.#chunks[chunk] as Buffer).toString('utf8', Math.max(after, base) - base, end - base);
  }

  /** Where the packed string before this one ended (0 for none). */
  #endBefore(index: number): number {
    for (let i = index - 1; i >= 0; i--) {
      const end = this.#ends[i] as number;
      if (end !== NOT_PACKED) return end;
    }
    return 0;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** What ExcelJS's shared-strings parser yields in 'emit' mode: plain text, rich text, or null for an empty item. */
export type EmittedText = string | null | { richText?: Array<{ text?: unknown }> };

/** The text a cell shows for an emitted shared string; rich text's runs joined, as toCell joins them. */
export function plainText(text: EmittedText): string {
  if (typeof text === 'string') return text;
  if (text === null || !Array.isArray(text.richText)) return '';
  return text.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

/**
 * The store as ExcelJS's worksheet reader reads it, `sharedStrings[index]`: a read-only view that decodes on each
 * read. Only whole-number keys answer; everything else (prototype keys included) is undefined.
 */
export function indexedView(strings: SharedStrings): Readonly<Record<string, string | undefined>> {
  return new Proxy(Object.create(null) as Record<string, string | undefined>, {
    get: (_target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? strings.get(Number(key)) : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
