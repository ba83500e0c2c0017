// An item's Is Primary Variant (the verdict, and the answer as shown in messages) and product type, as one field of
// its variant tuple: a small number for the usual item, whose answer is "Yes", "No" or blank and whose product type
// has a code (TextCodes); any other item's as a JSON text. One field, not three, to append, keep and read back.
import type { TupleField } from '../../src/core/keyed-tuples.js';

/** Answers the number form holds, by their 2-bit code above the primary bit. */
const ANSWERS = ['', 'Yes', 'No'] as const;
const ANSWER_SHIFT = 1;
const TYPE_SHIFT = 3;
/** Type codes the number form holds: TextCodes gives at most 4096, so every code fits. */
const MAX_TYPE_CODE = 1 << 20;

function answerCode(answer: string): number {
  return answer === 'Yes' ? 1 : answer === 'No' ? 2 : answer === '' ? 0 : -1;
}

/**
 * The field for an item: `primary` (isPrimary of its answer), `answer` as shown (displayValue), `type` its product
 * type's code (or its text, past TextCodes' cap).
 */
export function packState(primary: boolean, answer: string, type: number | string): TupleField {
  const code = answerCode(answer);
  if (code >= 0 && typeof type === 'number' && type >= 0 && type < MAX_TYPE_CODE) {
    return (primary ? 1 : 0) | (code << ANSWER_SHIFT) | (type << TYPE_SHIFT);
  }
  return JSON.stringify([primary ? 1 : 0, answer, type]);
}

function unpacked(field: TupleField): [number, string, number | string] {
  return JSON.parse(field as string) as [number, string, number | string];
}

/** Whether the item is its group's primary (Is Primary Variant "Yes"). */
export function isPrimaryState(field: TupleField): boolean {
  if (typeof field === 'number') return (field & 1) === 1;
  return field !== undefined && unpacked(field)[0] === 1;
}

/** Is Primary Variant as given, for messages ('' when blank). */
export function answerOfState(field: TupleField): string {
  if (typeof field === 'number') return ANSWERS[(field >> ANSWER_SHIFT) & 3] ?? '';
  return field === undefined ? '' : unpacked(field)[1];
}

/** The product type's code (or text), as packState was given it. */
export function typeOfState(field: TupleField): number | string {
  if (typeof field === 'number') return field >> TYPE_SHIFT;
  return field === undefined ? '' : unpacked(field)[2];
}
