// Trimming the texts every variant item carries (its group ID, names, answer and values), most of which have nothing
// to trim: a text that starts and ends with a printable ASCII character is its own trimmed form, known from two
// character codes without a call into String.prototype.trim.

function printableAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/** `text.trim()`, as String.prototype.trim gives it. */
export function trimmed(text: string): string {
  const n = text.length;
  if (n > 0 && printableAscii(text.charCodeAt(0)) && printableAscii(text.charCodeAt(n - 1))) return text;
  return text.trim();
}

/** `text.trim() !== ''`: whether the text has something besides white space. */
export function hasText(text: string): boolean {
  const n = text.length;
  if (n > 0 && (printableAscii(text.charCodeAt(0)) || printableAscii(text.charCodeAt(n - 1)))) return true;
  return text.trim() !== '';
}
