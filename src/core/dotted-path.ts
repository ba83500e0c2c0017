// An issue's path as text ("Visible.Clothing.color"), joined with `+` rather than Array.prototype.join.
//
// In Node 20's V8 a join gives a two-byte string whenever one of its parts has become a ThinString, even when every
// character is ASCII; a string becomes one when it is used as a property key (it is internalized in place), which the
// schema lookups do to the segments of Ajv's instance paths. Concatenation looks through the ThinString and stays
// one-byte. One two-byte path in one issue made JSON.stringify write the whole report as two-byte text: twice the
// report's size in memory, flattened and encoded again on the way out (the 50k-record bench feed's 4 MB report took
// 88-97 ms to write as text and UTF-8, 11-15 ms one-byte; the run's RSS 112 MB, 104 MB one-byte: BENCHMARKS.md,
// session 17). test/engine/one-byte-text.test.ts holds every issue's text to one byte a character where its
// characters allow it.
export function dottedPath(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '';
  let path = `${segments[0] as string | number}`;
  for (let i = 1; i < segments.length; i++) path += `.${segments[i] as string | number}`;
  return path;
}
