// A workbook's shared strings, packed: ExcelJS's 'cache' mode keeps each one as a JS string in an array, several
// per row of a typical sheet (432k strings, most of the reader's memory, for a 100k-row sheet). Here they are UTF-8
// bytes in one buffer with an end offset each, and a string is made only when a cell asks for it.

// In a u-mode pattern a surrogate pair is one code point, so this finds only the halves that stand alone.
const LONE_SURROGATE = /\p{Cs}/u;
// Strings that would not come back the same from UTF-8 (lone surrogates): few, kept as they are.
const NOT_PACKED = 0xffffffff;

export class SharedStrings {
  #bytes = Buffer.allocUnsafe(64 * 1024);
  #ends = new Uint32Array(1024);
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
    if (this.#used + text.length * 3 > 0xfffffffe || (!isAscii(text) && LONE_SURROGATE.test(text))) {
      this.#unpacked.set(index, text);
      this.#ends[index] = NOT_PACKED;
      return;
    }
    this.#reserve(text.length * 3);
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
    this.#ends[index] = this.#used;
  }

  /** The string at `index`, or undefined past the end (as an array would give). */
  get(index: number): string | undefined {
    if (!(Number.isInteger(index) && index >= 0 && index < this.#count)) return undefined;
    const end = this.#ends[index] as number;
    if (end === NOT_PACKED) return this.#unpacked.get(index);
    return this.#bytes.toString('utf8', this.#startOf(index), end);
  }

  /** Where the string starts: where the packed one before it ended. */
  #startOf(index: number): number {
    for (let i = index - 1; i >= 0; i--) {
      const end = this.#ends[i] as number;
      if (end !== NOT_PACKED) return end;
    }
    return 0;
  }

  #reserve(extra: number): void {
    if (this.#used + extra <= this.#bytes.length) return;
    let size = this.#bytes.length;
    while (size < this.#used + extra) size *= 2;
    const bytes = Buffer.allocUnsafe(size);
    this.#bytes.copy(bytes, 0, 0, this.#used);
    this.#bytes = bytes;
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
