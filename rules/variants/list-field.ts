// A list of texts as one tuple field (names or values of a variant item): joined by NUL, the usual case, or as JSON
// when an entry holds a NUL itself (so no entry can pass for two).
const NUL = '\u0000';
// A JSON array starts with "["; a joined list is marked with a leading NUL so the two never mix. Lists are not empty.
export function packList(items: readonly string[]): string {
  for (let i = 0; i < items.length; i++) if ((items[i] as string).includes(NUL)) return JSON.stringify(items);
  // One join: `NUL + joined` would be a rope that each later read of its characters flattens again.
  return ['', ...items].join(NUL);
}

export function unpackList(packed: string | undefined): string[] {
  if (packed === undefined || packed === '') return [];
  if (packed.startsWith(NUL)) return packed.length === 1 ? [''] : packed.slice(1).split(NUL);
  return JSON.parse(packed) as string[];
}
