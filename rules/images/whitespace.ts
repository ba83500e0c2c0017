// images.whitespace (image.whitespace): a space, tab or line break in an image URL, often pasted in with it. Walmart
// cannot fetch such a URL, and the stray characters are invisible in a spreadsheet, so the message shows them.
import { defineRecordRule } from '../../src/core/rule.js';
import type { ImageUrl } from './image-urls.js';
import { IMAGE_ATTRIBUTES, checkImageUrls, placeOf } from './image-urls.js';

// Any character isBlank() below accepts, in one test of the whole URL: nearly every URL has none, and the
// character-by-character work is then needed only to describe the ones that do.
// eslint-disable-next-line no-control-regex -- control characters are what the rule looks for
const ANY_BLANK = /[\s\u0000-\u001f\u007f-\u009f]/;

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function isBlank(c: string): boolean {
  return isControl(c) || /\s/.test(c);
}

/** The URL with invisible characters spelled out, so the merchandiser can see what is wrong. */
export function visible(url: string): string {
  return [...url]
    .map((c) => {
      if (c === '\t') return '\\t';
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      return isControl(c) || (c !== ' ' && /\s/.test(c)) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
    })
    .join('');
}

/** The URL as Walmart can fetch it: edges trimmed, control characters dropped, inner spaces encoded. */
export function repaired(url: string): string {
  const chars = [...url];
  while (chars.length > 0 && isBlank(chars[0] ?? '')) chars.shift();
  while (chars.length > 0 && isBlank(chars.at(-1) ?? '')) chars.pop();
  return chars
    .filter((c) => !isControl(c))
    .map((c) => (/\s/.test(c) ? '%20' : c))
    .join('');
}

/** What is blank in the URL and the repaired URL, or undefined when nothing is. */
function blankParams({ url }: ImageUrl): Record<string, unknown> | undefined {
  if (!ANY_BLANK.test(url)) return undefined;
  const chars = [...url];
  const what: string[] = [];
  if (isBlank(chars[0] ?? '') || isBlank(chars.at(-1) ?? '')) what.push('blank space at the start or end');
  const inner = url.trim();
  if ([...inner].some((c) => c === ' ' || (!isControl(c) && /\s/.test(c)))) what.push('a space inside');
  if ([...inner].some(isControl)) what.push('a tab, line break or other invisible character');
  return { what, fix: repaired(url) };
}

export default defineRecordRule({
  id: 'images.whitespace',
  pack: 'images',
  severity: 'error',
  description: 'An image URL must not contain spaces, tabs, line breaks or other control characters.',
  needs: [],
  needsAnyOf: IMAGE_ATTRIBUTES,
  check(record) {
    return checkImageUrls(record, 'image.whitespace', blankParams);
  },
  message(finding, titleOf) {
    const { url, what } = finding.params;
    const list = Array.isArray(what) ? what.map(String).join(' and ') : 'blank characters';
    return `${placeOf(finding, titleOf)} "${visible(typeof url === 'string' ? url : '')}" contains ${list}; Walmart cannot fetch a URL with blank characters.`;
  },
  hint(finding) {
    const { fix } = finding.params;
    return `Use ${typeof fix === 'string' ? fix : 'the address'}: blank characters removed, and any space inside the address written as %20.`;
  },
});
