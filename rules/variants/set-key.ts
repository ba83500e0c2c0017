// A set of strings as one comparable string: duplicates dropped, sorted, joined. Built for every item and kept to the
// end of the feed, so the usual one- and two-part sets skip the Set and the sort.

/**
 * The distinct parts in code-unit order (as Array.prototype.sort orders them), joined with `separator`. The key is one
 * flat string: `join` copies the parts into one, where `+` would keep a tree of the pieces alive.
 */
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
