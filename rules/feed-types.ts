// A record's product type in a feed rule's tuple, at no cost for the usual feed of one product type: the first type a
// rule sees is kept once, as text, and only the records of other types carry theirs in the tuple (coded, see
// TextCodes). The first type's field is undefined, which a rule can leave off the end of a tuple: a field past a
// tuple's end reads back as undefined.
import type { TupleField } from '../src/core/keyed-tuples.js';
import { TextCodes } from './text-codes.js';

export class FeedTypes {
  #first: string | undefined;
  readonly #codes = new TextCodes();

  /** The type's tuple field: undefined for the first type seen, else its code (or the text past TextCodes' cap). */
  pack(productType: string): number | string | undefined {
    if (productType === this.#first) return undefined;
    if (this.#first === undefined) {
      this.#first = productType;
      return undefined;
    }
    return this.#codes.pack(productType);
  }

  /** The type pack() was given. */
  unpack(field: TupleField): string {
    return field === undefined ? (this.#first ?? '') : this.#codes.unpack(field);
  }
}
