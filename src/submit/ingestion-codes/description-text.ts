// Walmart's descriptions as plain text to match and quote: HTML tags and entities gone, curly quotes and
// backticks made plain, whitespace collapsed, and cut to a length the templates are matched on, so a
// hostile description costs linear time at most.

/** Characters of a description the templates look at; Walmart's are a few hundred at most. */
export const MATCHED_LENGTH = 2000;

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' };

export function plainDescription(description: string | undefined, max = MATCHED_LENGTH): string {
  if (description === undefined) return '';
  return description
    .slice(0, max)
    .replace(/<[^<>]{0,300}>/g, ' ')
    .replace(/&(nbsp|amp|quot|apos|#39|lt|gt);/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? ' ')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters of `text`, cut at a word and marked with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The first sentence of `text`; a text cut off mid-sentence (as Walmart's often are) ends at its last comma. */
export function firstSentence(text: string, max = 300): string {
  const t = text.slice(0, max);
  const stop = t.search(/[.!?](?:\s|$)/);
  if (stop >= 0) return t.slice(0, stop);
  const comma = t.lastIndexOf(',');
  return `${(comma > 0 ? t.slice(0, comma) : t).trim()}…`;
}
