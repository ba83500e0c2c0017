// Words for merchandisers: every schema finding becomes a message (what is wrong: the attribute's
// title, the value seen, what is expected) and a hint (the fix), computed where one can be.
import { isPlaceParams } from '../compile/ajv-errors.js';
import type { SchemaFinding, Trigger } from '../compile/ajv-errors.js';
import { ucs2length } from '../compile/ucs2length.js';
import { nearestIn } from './suggest.js';
import { Remembered } from '../core/remembered.js';

export interface Words {
  message: string;
  hint?: string;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  uri: 'a full web address starting with https://',
  'uri-reference': 'a web address',
  'date-time': 'a date and time such as 2026-11-24T09:30:00Z',
  date: 'a date such as 2026-11-24',
  email: 'an email address',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list of values',
  object: 'a group of fields',
  null: 'empty',
};

/** How much of a long text is written out before it is cut (see show). */
const SHOWN_CHARACTERS = 80;

/** A value as a person reads it in a message: strings quoted, long ones cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'empty';
  // A long text is written out only as far as it is shown: the JSON of its first SHOWN_CHARACTERS + 2 characters is
  // longer than SHOWN_CHARACTERS and starts as the whole text's JSON does, so the cut below gives the same (a
  // description of some thousand characters was written out whole for every message about it, and then cut).
  const shown = typeof value === 'string' && value.length > SHOWN_CHARACTERS + 2 ? value.slice(0, SHOWN_CHARACTERS + 2) : value;
  let s = JSON.stringify(shown) ?? typeof value;
  if (s.length > SHOWN_CHARACTERS) s = `${s.slice(0, SHOWN_CHARACTERS - 3)}…${s.startsWith('"') ? '"' : ''}`;
  return s;
}

function label(f: SchemaFinding): string {
  return f.positions.length > 0 ? `${f.title} (item ${f.positions.join(', item ')})` : f.title;
}

function list(values: readonly unknown[], max = 8): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > max ? `${shown.join(', ')} (or ${values.length - max} more)` : shown.join(', ');
}

function because(triggers: readonly Trigger[]): string {
  return triggers.map((t) => `${t.title} is ${show(t.value)}`).join(' and ');
}

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function decimalsOf(step: number): number | undefined {
  for (let d = 0; d <= 10; d++) if (Math.abs(step * 10 ** d - 1) < 1e-9) return d;
  return undefined;
}

/** Words per remembered finding (by its shared params, see isPlaceParams) and value seen, at most 256 values a place. */
const wordsAt = new Remembered<object, string, Words>(256);

/**
 * Texts longer than this get no key: a long text (a description too long for its attribute) is seldom given twice, and
 * keying it cost a copy and a hash of all of it (the key is a new string) for words that are cheap to make again.
 */
const MAX_KEYED_TEXT = 200;

/** A key for a value that is text (up to MAX_KEYED_TEXT), a number, true/false or null: the only values whose words are remembered. */
export function valueKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value.length <= MAX_KEYED_TEXT ? `s${value}` : undefined;
    case 'number':
      return `n${String(value)}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    default:
      return value === null ? 'z' : undefined;
  }
}

/** The message and hint for a finding: worked out once per place and value when a feed repeats a mistake. */
export function schemaWords(f: SchemaFinding): Words {
  const key = isPlaceParams(f.params) ? valueKey(f.value) : undefined;
  if (key === undefined) return wordsFor(f);
  return { ...wordsAt.get(f.params, key, () => wordsFor(f)) };
}

function wordsFor(f: SchemaFinding): Words {
  const p = f.params;
  const name = label(f);
  const v = show(f.value);
  switch (f.code) {
    case 'schema.required':
      return { message: `${name} is missing; it is required.`, hint: `Add a value for ${f.title}.` };
    case 'schema.conditional_required': {
      const t = p.triggers as Trigger[];
      return {
        message: `${name} is missing; it is required because ${because(t)}.`,
        hint: `Add ${f.title}, or change ${t.map((x) => x.title).join(' / ')} if it does not apply.`,
      };
    }
    case 'schema.type': {
      const expected = typeName(p.type);
      const words: Words = { message: `${name} is ${v}; it must be ${expected}.` };
      if (typeof f.value === 'string' && /number|integer/.test(expected)) {
        const cleaned = f.value.replace(/[$€£,\s]/g, '');
        if (cleaned !== '' && Number.isFinite(Number(cleaned))) words.hint = `Write it as the number ${cleaned}, without quotes, currency symbols or thousands separators.`;
      } else if (p.type === 'array' && f.value !== undefined) {
        words.hint = `Give it as a list: [${show(f.value)}].`;
      }
      return words;
    }
    case 'schema.enum':
    case 'schema.const': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const words: Words = { message: `${name} is ${v}; it must be one of ${list(allowed)}.` };
      const guess = typeof f.value === 'string' ? nearestIn(f.value, allowed) : undefined;
      if (guess !== undefined) words.hint = `Did you mean ${show(guess)}?`;
      else if (allowed.length > 8) words.hint = `See the spec for the full list of ${allowed.length} values of ${f.title}.`;
      return words;
    }
    case 'schema.format': {
      const format = String(p.format);
      const words: Words = { message: `${name} is ${v}; it must be ${FORMAT_NAMES[format] ?? `in ${format} format`}.` };
      if (format === 'uri' && typeof f.value === 'string') {
        if (/\s/.test(f.value)) words.hint = 'Remove the spaces, or encode them as %20.';
        else if (/^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i.test(f.value)) words.hint = `Use the full address: https://${f.value}`;
        else if (!/^[a-z][a-z0-9+.-]*:/i.test(f.value)) words.hint = 'Give the full public address (https://…), not a file name or a relative path.';
      }
      if (format === 'date-time' && typeof f.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.value)) words.hint = `Add a time and zone: ${f.value}T00:00:00Z`;
      return words;
    }
    case 'schema.too_long': {
      // Counted as the check counts (a surrogate pair is one character), without an array of every character.
      const len = typeof f.value === 'string' ? ucs2length(f.value) : undefined;
      return { message: `${name} has ${len ?? 'too many'} characters; at most ${String(p.limit)} are allowed.`, hint: `Shorten it by ${len === undefined ? 'some' : len - Number(p.limit)} characters.` };
    }
    case 'schema.too_short':
      return Number(p.limit) <= 1
        ? { message: `${name} is empty; give it a value or leave the attribute out.` }
        : { message: `${name} is ${v}; it must have at least ${String(p.limit)} characters.` };
    case 'schema.too_large':
      return { message: `${name} is ${v}; it must be ${p.exclusive ? 'less than' : 'at most'} ${String(p.limit)}.` };
    case 'schema.too_small':
      return { message: `${name} is ${v}; it must be ${p.exclusive ? 'more than' : 'at least'} ${String(p.limit)}.` };
    case 'schema.multiple_of': {
      const step = Number(p.multipleOf);
      const d = decimalsOf(step);
      if (d !== undefined && typeof f.value === 'number') {
        return {
          message: `${name} is ${v}; it can have at most ${d} decimal place${d === 1 ? '' : 's'}.`,
          hint: `Round it to ${f.value.toFixed(d)}.`,
        };
      }
      return { message: `${name} is ${v}; it must be a multiple of ${step}.` };
    }
    case 'schema.unknown_attribute': {
      const known = (p.known as string[]) ?? [];
      const guess = nearestIn(f.field, known);
      const parent = typeof p.parentTitle === 'string' && p.parentTitle !== '' ? p.parentTitle : 'this item';
      const words: Words = { message: `${show(f.field)} is not an attribute of ${parent} in this spec; Walmart rejects the item.` };
      words.hint = guess !== undefined ? `Did you mean ${show(guess)}?` : 'Remove it, or check the spelling against the spec.';
      return words;
    }
    case 'schema.too_few_items':
      return { message: `${name} has too few values; give at least ${String(p.limit)}.` };
    case 'schema.too_many_items':
      return { message: `${name} has too many values; at most ${String(p.limit)} are allowed.` };
    case 'schema.duplicate_items': {
      const [a, b] = p.positions as number[];
      return { message: `${name} lists the same value twice (items ${String(a)} and ${String(b)}).`, hint: `Remove item ${String(b)}.` };
    }
    case 'schema.pattern':
      return { message: `${name} is ${v}; it does not have the expected form (${String(p.pattern)}).` };
    case 'schema.no_match':
      return { message: `${name} is ${v}; it matches none of the forms the spec allows.` };
    case 'schema.invalid':
      return { message: `${name} is ${v}; it breaks the spec's "${String(p.keyword)}" rule.` };
  }
}

/** Appends the conditional reason, for findings (other than missing attributes) raised inside a then. */
export function withTriggers(words: Words, f: SchemaFinding): Words {
  const t = f.params.triggers as Trigger[] | undefined;
  if (f.code === 'schema.conditional_required' || t === undefined || t.length === 0) return words;
  return { ...words, message: `${words.message.replace(/\.$/, '')} when ${because(t)}.` };
}
