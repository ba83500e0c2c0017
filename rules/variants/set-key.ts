// A set of strings as one comparable string: duplicates dropped, sorted, joined. Variant keys are built for every
// item and kept to the end of the feed, so the common one- and two-part cases skip the Set and the sort, and a key is
// one flat string: `join` copies the parts into one, where `+` would keep a tree of pieces alive.

/** The distinct parts in code-unit order (as Array.prototype.sort orders them), joined with `separator`. */
export function setKey(parts: readonly string[], separator: string): string {
  if (parts.length === 1) return parts[0] as string;
  if (parts.length === 2) {
    const a = parts[0] as string;
    const b = parts[1] as string;
    if (a === b) return a;
    return (a < b ? [a, b] : [b, a]).join(separator);
  }
  return [...new Set(parts)].sort().join(separator);
}
