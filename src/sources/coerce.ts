// Turns a spreadsheet cell into the JSON value the spec expects: numbers, integers, Yes/No, dates,
// `|`-separated lists. A value that cannot be converted is passed on as it is, so the schema's own
// message (with its hint) explains it; an empty cell is an absent attribute, not an empty string.
import type { SchemaObject } from '../spec/schema-walk.js';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { Cell } from './table.js';

export const LIST_SEPARATOR = '|';

function typesOf(schema: SchemaObject): string[] {
  const t = schema.type;
  if (Array.isArray(t)) return t.map(String);
  if (typeof t === 'string') return [t];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((v) => (typeof v === 'number' ? 'number' : typeof v)))];
  return [];
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function toNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? Number(t) : undefined;
}

/** What coercion needs of a schema, worked out once per schema object: every cell of a column shares its schema. */
interface SchemaFacts {
  yesNo: boolean;
  string: boolean;
  numeric: boolean;
  boolean: boolean;
  date: boolean;
}

const factsBySchema = new WeakMap<SchemaObject, SchemaFacts>();

function factsOf(schema: SchemaObject): SchemaFacts {
  let facts = factsBySchema.get(schema);
  if (facts === undefined) {
    const values = Array.isArray(schema.enum) ? schema.enum : [];
    const types = typesOf(schema);
    facts = {
      yesNo: values.includes('Yes') && values.includes('No'),
      string: types.includes('string'),
      numeric: types.includes('number') || types.includes('integer'),
      boolean: types.includes('boolean'),
      date: schema.format === 'date-time' || schema.format === 'date',
    };
    factsBySchema.set(schema, facts);
  }
  return facts;
}

function yesNo(cell: Cell): string | undefined {
  if (cell === true) return 'Yes';
  if (cell === false) return 'No';
  if (typeof cell !== 'string') return undefined;
  const f = cell.trim().toLowerCase();
  if (f === 'yes' || f === 'y' || f === 'true') return 'Yes';
  if (f === 'no' || f === 'n' || f === 'false') return 'No';
  return undefined;
}

/** M/D/YYYY (Excel's US text dates) or YYYY-MM-DD, as date parts; undefined for anything else. */
function dateParts(text: string): [string, string, string] | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return [iso[1] as string, (iso[2] as string).padStart(2, '0'), (iso[3] as string).padStart(2, '0')];
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return [us[3] as string, (us[1] as string).padStart(2, '0'), (us[2] as string).padStart(2, '0')];
  return undefined;
}

function coerceDate(schema: SchemaObject, text: string): string {
  const t = text.trim();
  if (schema.format === 'date-time') {
    const d = dateParts(t);
    if (d) return `${d.join('-')}T00:00:00Z`;
  } else if (schema.format === 'date') {
    const d = dateParts(t) ?? dateParts(t.slice(0, 10));
    if (d) return d.join('-');
  }
  return text;
}

/** One scalar cell for a scalar schema. */
export function coerceScalar(cell: Cell, schema: SchemaObject): unknown {
  if (cell === null) return undefined;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  const facts = factsOf(schema);
  if (facts.yesNo) {
    const yn = yesNo(cell);
    if (yn !== undefined) return yn;
  }
  if (facts.string) {
    if (typeof cell === 'number') return String(cell);
    if (typeof cell === 'boolean') return cell ? 'true' : 'false';
    return facts.date ? coerceDate(schema, cell) : cell;
  }
  if (facts.numeric) {
    if (typeof cell === 'string') return toNumber(cell) ?? cell;
    return cell;
  }
  if (facts.boolean && typeof cell === 'string') {
    const f = cell.trim().toLowerCase();
    if (f === 'true' || f === 'yes') return true;
    if (f === 'false' || f === 'no') return false;
  }
  return cell;
}

/** A cell for an array schema: `a|b|c` becomes three items, each coerced by the items' schema. */
export function coerceList(cell: Cell, schema: SchemaObject): unknown[] | undefined {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  const items = itemsOf(schema);
  if (typeof cell !== 'string' || !cell.includes(LIST_SEPARATOR)) {
    const v = coerceScalar(typeof cell === 'string' ? cell.trim() : cell, items);
    return v === undefined ? [] : [v];
  }
  const out: unknown[] = [];
  for (const part of cell.split(LIST_SEPARATOR)) {
    const p = part.trim();
    if (p === '') continue;
    const v = coerceScalar(p, items);
    if (v !== undefined) out.push(v);
  }
  return out;
}

const NO_ITEMS: SchemaObject = {};
const itemsBySchema = new WeakMap<SchemaObject, SchemaObject>();

/** The schema of an array's items ({} when it gives none), looked up once per schema object. */
function itemsOf(schema: SchemaObject): SchemaObject {
  let items = itemsBySchema.get(schema);
  if (items === undefined) {
    items = isSchemaObject(schema.items) ? schema.items : NO_ITEMS;
    itemsBySchema.set(schema, items);
  }
  return items;
}

/** Excel's CSV export writes long numbers as 6.14619E+11: the digits after the sixth are gone. */
export function isScientificNotation(cell: Cell): boolean {
  // Most text has no "+": no need to trim and match it.
  return typeof cell === 'string' && cell.includes('+') && /^\d(\.\d+)?e\+\d+$/i.test(cell.trim());
}
