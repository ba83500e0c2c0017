// A list of flat objects (a report's issues) as JSON.stringify(list, null, 2) nests them, byte for byte, without
// its gap path: V8 serializes with a gap argument on its slow, generic path (~80 ms for 10,000 issues on the 50k
// feed), while a flat object of strings and numbers needs only its keys, quoted strings and printed numbers.
// Anything else (a nested value, another prototype, a toJSON) is left to JSON.stringify itself, object by object.

/** A string as JSON.stringify quotes it: only these characters are ever escaped (well-formed JSON.stringify). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** `"key": ` after a line break and the indentation, per indentation and key: a report has a dozen keys. */
const keyHeadsByPad = new Map<string, Map<string, string>>();

function keyHeads(pad: string): Map<string, string> {
  let heads = keyHeadsByPad.get(pad);
  if (heads === undefined) keyHeadsByPad.set(pad, (heads = new Map<string, string>()));
  return heads;
}

function keyHead(heads: Map<string, string>, key: string, pad: string): string {
  let head = heads.get(key);
  if (head === undefined) {
    head = `\n${pad}${quoted(key)}: `;
    // Keys are a report's dozen; anything else is not kept, so odd input cannot grow the map.
    if (heads.size < 64) heads.set(key, head);
  }
  return head;
}

/**
 * One object's text at `pad` (its own line's indentation; its keys two deeper), as JSON.stringify(…, null, 2)
 * writes it nested there; undefined when it is not a flat plain object of strings, finite or not numbers,
 * booleans, null and undefined (left out).
 */
function flatObjectText(value: object, pad: string, inner: string, heads: Map<string, string>): string | undefined {
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  let text = '';
  for (const key in value) {
    // for-in walks own keys in JSON.stringify's order (plainPrototype() rules out inherited ones); an
    // integer-like key would come first in both, but it is not a report's, so it is left to JSON.stringify.
    if (key === 'toJSON' || isArrayIndexLike(key)) return undefined;
    const field: unknown = (value as Record<string, unknown>)[key];
    let part: string;
    switch (typeof field) {
      case 'string':
        part = quoted(field);
        break;
      case 'number':
        part = Number.isFinite(field) ? String(field) : 'null';
        break;
      case 'boolean':
        part = field ? 'true' : 'false';
        break;
      case 'undefined':
        continue;
      default:
        if (field !== null) return undefined;
        part = 'null';
    }
    text += `${text === '' ? '' : ','}${keyHead(heads, key, inner)}${part}`;
  }
  return text === '' ? '{}' : `{${text}\n${pad}}`;
}

function isArrayIndexLike(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** Whether Object.prototype is as Node made it, with nothing enumerable a for-in would also walk. */
function plainPrototype(): boolean {
  return Object.keys(Object.prototype).length === 0 && !('toJSON' in Object.prototype);
}

/**
 * These items as JSON.stringify(list, null, 2) writes them inside a list nested at `pad` (the list's own line's
 * indentation), without its brackets: `\n<pad>  {…},\n<pad>  {…}`; '' for none. Byte for byte the same for any
 * items (test/reports/pretty-json.test.ts): a list of flat plain objects takes the fast path, any other list is
 * JSON.stringify's own text, indented.
 */
export function listItemsText(items: readonly unknown[], pad: string): string {
  if (items.length === 0) return '';
  const inner = `${pad}  `;
  const fields = `${inner}  `;
  const heads = keyHeads(fields);
  let text = '';
  if (plainPrototype()) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const part = typeof item === 'object' && item !== null && !Array.isArray(item) ? flatObjectText(item, inner, fields, heads) : undefined;
      if (part === undefined) return generalItemsText(items, pad);
      text += `${i === 0 ? '' : ','}\n${inner}${part}`;
    }
    return text;
  }
  return generalItemsText(items, pad);
}

/** listItemsText by JSON.stringify itself: `[\n  …\n]` cut to its inside and indented. */
function generalItemsText(items: readonly unknown[], pad: string): string {
  return indented(JSON.stringify(items, null, 2).slice(1, -2), pad);
}

/** JSON text nested `pad` deeper: its line breaks are all structural (a string's are escaped). */
export function indented(json: string, pad: string): string {
  return json.replace(/\n/g, `\n${pad}`);
}
