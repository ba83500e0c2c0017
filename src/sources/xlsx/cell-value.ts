// Turns an ExcelJS cell value into a table Cell: what a person sees in the cell, never a formula.
import type { CellValue } from 'exceljs';
import type { Cell } from '../table.js';

export function toCell(value: CellValue, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value === '' ? null : value;
    case 'number':
      // A formula whose cached result is an error arrives as NaN.
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    default:
      break;
  }
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return toCell(value.richText.map((r) => r.text).join(''), undefined, date1904);
  if ('hyperlink' in value) {
    const text = toCell(value.text, undefined, date1904);
    return text ?? toCell(value.hyperlink, undefined, date1904);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // The streaming reader converts plain numbers in date formats to Dates, but not formula results.
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) return isoDate(excelDate(result, date1904));
    return toCell(result ?? null, undefined, date1904);
  }
  if ('error' in value) return typeof value.error === 'string' ? value.error : null;
  return null;
}

/** `YYYY-MM-DD` for a date at midnight (Excel dates carry no zone, so UTC is their wall clock), full ISO 8601 otherwise. */
export function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Same test ExcelJS applies to plain numeric cells: a format with date or time letters outside quotes and brackets. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '') return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
