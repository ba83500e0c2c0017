// What the feed rules pack into one tuple field to keep less per record: an item's primary verdict, answer and product
// type (rules/variants/item-state.ts), and a product type that only records of a feed's other types carry
// (rules/feed-types.ts). Each must give back exactly what it was given, whatever that was.
import { describe, expect, it } from 'vitest';
import { answerOfState, isPrimaryState, packState, typeOfState } from '../../rules/variants/item-state.js';
import { FeedTypes } from '../../rules/feed-types.js';
import { TextCodes } from '../../rules/text-codes.js';
import { isPrimary } from '../../rules/variants/members.js';
import { displayValue } from '../../rules/variants/values.js';
import { KeyedTuples } from '../../src/core/keyed-tuples.js';
import type { TupleField } from '../../src/core/keyed-tuples.js';

const ANSWERS: unknown[] = ['Yes', 'No', ' Yes ', 'yes', 'YES', 'no', '', ' ', undefined, null, true, false, 1, 0, ['Yes'], { a: 1 }, 'Y', 'Yes\u0000', '["Yes"]', '0'];
const TYPES: Array<number | string> = [0, 1, 7, 4095, 'Clothing', '', '["x"]', 'Ünïcode \u0000 type'];

/** The fields as a store gives them back, one list per form: as appended (values), and decoded from bytes. */
function storedForms(fields: readonly TupleField[]): TupleField[][] {
  return [true, false].map((asValues) => {
    const tuples = new KeyedTuples();
    fields.forEach((field, i) => tuples.append(`k${String(i)}`, i + 1, [field]));
    if (!asValues) {
      // Past a store's share of values its tuples are bytes: enough tuples to pass it.
      const filler = 'x'.repeat(4096);
      for (let i = 0; i < 1100; i++) tuples.append(`f${String(i)}`, fields.length + i + 1, [filler]);
    }
    expect(tuples.asValues).toBe(asValues);
    const back: TupleField[] = [];
    tuples.forEachGroup((group) => {
      if (group.key.startsWith('k')) back[group.record(0) - 1] = group.field(0, 0);
    });
    return back;
  });
}

describe('an item state field', () => {
  it('gives back the verdict, the answer as shown and the type, for every answer and type, in memory and as bytes', () => {
    const cases = ANSWERS.flatMap((answer) => TYPES.map((type) => ({ answer, type, primary: isPrimary(answer), shown: displayValue(answer) })));
    const forms = storedForms(cases.map(({ primary, shown, type }) => packState(primary, shown, type)));
    for (const stored of forms) {
      expect(stored).toHaveLength(cases.length);
      const back = stored.map((field, i) => ({ ...cases[i], primary: isPrimaryState(field), shown: answerOfState(field), type: typeOfState(field) }));
      expect(back).toEqual(cases);
    }
  });

  it('is a small number for the usual item', () => {
    for (const answer of ['Yes', 'No', '']) expect(typeof packState(answer === 'Yes', answer, 3)).toBe('number');
    expect(typeof packState(false, 'yes', 0)).toBe('string');
    expect(typeof packState(true, 'Yes', 'Clothing')).toBe('string');
  });
});

describe('a product type kept only for other types than the first', () => {
  it('gives back each type, the first as an absent field', () => {
    const types = new FeedTypes();
    const seq = ['Shirts', 'Shirts', 'Pants', 'Shirts', '', 'Pants', 'Hats', 'Shirts'];
    const fields = seq.map((t) => types.pack(t));
    expect(fields[0]).toBeUndefined();
    expect(fields[1]).toBeUndefined();
    expect(fields[2]).not.toBeUndefined();
    expect(fields.map((f) => types.unpack(f))).toEqual(seq);
  });

  it('keeps a type as text past the codes cap, as TextCodes does', () => {
    const types = new FeedTypes();
    const codes = new TextCodes();
    types.pack('first');
    const many = Array.from({ length: 5000 }, (_, i) => `T${String(i)}`);
    const fields = many.map((t) => types.pack(t));
    expect(fields.map((f) => types.unpack(f))).toEqual(many);
    expect(typeof fields[4999]).toBe('string');
    expect(many.map((t) => codes.unpack(codes.pack(t)))).toEqual(many);
  });
});
