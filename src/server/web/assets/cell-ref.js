// Spreadsheet addresses: column letters <-> 0-based indexes, and the keys the grid and the issue list share.

/**
 * "A" -> 0, "Z" -> 25, "AA" -> 26.
 * @param {string} letters
 * @returns {number}
 */
export function columnIndex(letters) {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * 0 -> "A", 26 -> "AA".
 * @param {number} index
 * @returns {string}
 */
export function columnLetters(index) {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The DOM id of a grid cell (row as the spreadsheet numbers it, column index), or of a row's header when col is -1.
 * @param {number} row
 * @param {number} col
 */
export function cellId(row, col) {
  return col < 0 ? `row-${row}` : `cell-${row}-${col}`;
}
