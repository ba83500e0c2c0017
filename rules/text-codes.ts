// Texts that repeat across a feed's records (product types, lists of variant attribute names) as small numbers in a
// feed rule's tuples: a feed has few distinct ones. The table is capped, so a hostile feed of all-different texts
// cannot grow it without bound: past the cap a text is kept in the tuple as it is.
import type { TupleField } from '../src/core/keyed-tuples.js';

const MAX_CODES = 4096;

export class TextCodes {
  /**
   * By code. A Map, not an array: a new table's empty array would start as an array of small integers and change its
   * kind at its first text, each feed again, and the code that reads it would be made again each time.
   */
  readonly #texts = new Map<number, string>();
  readonly #codes = new Map<string, number>();
  #last: string | undefined;
  #lastCode = 0;

  /** A number for the text, or the text itself once the table is full. */
  pack(text: string): number | string {
    if (text === this.#last) return this.#lastCode;
    let code = this.#codes.get(text);
    if (code === undefined) {
      if (this.#texts.size >= MAX_CODES) return text;
      code = this.#texts.size;
      this.#texts.set(code, text);
      this.#codes.set(text, code);
    }
    this.#last = text;
    this.#lastCode = code;
    return code;
  }

  /** The text pack() was given. */
  unpack(field: TupleField): string {
    if (typeof field === 'number') return this.#texts.get(field) ?? '';
    return field ?? '';
  }
}
