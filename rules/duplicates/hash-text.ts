// A string as a 32-bit integer, for duplicates.sku's table: FNV-1a over its UTF-16 units. Strings that differ share
// a hash now and then (about once in 4 billion pairs): the rule confirms every match against the SKU itself.

export function hashText(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
