// Opens a spreadsheet file with the reader its content calls for: the first bytes decide when they
// are telling (a zip is an .xlsx whatever its name), the extension otherwise.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../core/errors.js';
import { readCsv, unreadable } from './csv.js';
import type { TableLimits } from './csv.js';
import type { TableSource } from './table.js';
import { readXlsx } from './xlsx/index.js';
import type { XlsxWorkerLimits, ZipLimits } from './xlsx/index.js';

export interface OpenTableOptions {
  /** XLSX: the sheet to read (the first visible one by default). CSV: the name reports show for it. */
  sheet?: string;
  limits?: Partial<TableLimits>;
  zip?: Partial<ZipLimits>;
  worker?: Partial<XlsxWorkerLimits>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound file: old .xls workbooks, and .xlsx files Excel has encrypted with a password. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function openTable(file: string, options: OpenTableOptions = {}): Promise<TableSource> {
  const ext = extname(file).toLowerCase();
  const { magic, size } = await readStart(file);
  if (size === 0) throw new InputError('INPUT_INVALID', `${file} is empty. Put the column names in the first row and your items below, then try again.`);
  if (magic.subarray(0, 4).equals(OLE)) {
    if (ext === '.xlsx' || ext === '.xlsm') {
      throw new InputError('INPUT_INVALID', `${file} is password-protected (or an old .xls workbook renamed). Remove the password in Excel (File > Info > Protect Workbook), save it as .xlsx, and try again.`);
    }
    throw new InputError('INPUT_INVALID', `${file} is an old .xls workbook; save it as .xlsx or .csv in Excel and try again.`);
  }
  const { limits, zip, worker } = options;
  if (magic.subarray(0, 4).equals(ZIP) || ext === '.xlsx' || ext === '.xlsm') {
    return sized(await readXlsx(file, { ...(options.sheet !== undefined && { sheet: options.sheet }), ...(limits && { limits }), ...(zip && { zip }), ...(worker && { worker }) }), size);
  }
  if (/^\s*</.test(magic.toString('latin1'))) {
    throw new InputError('INPUT_INVALID', `${file} is a web page or XML file, not a spreadsheet. Open it in Excel, save it as .xlsx or .csv, and try again.`);
  }
  return sized(await readCsv(file, { ...(options.sheet !== undefined && { sheetName: options.sheet }), ...(limits && { limits }) }), size);
}

function sized(table: TableSource, bytes: number): TableSource {
  table.bytes = bytes;
  return table;
}

async function readStart(file: string): Promise<{ magic: Buffer; size: number }> {
  try {
    const handle = await open(file, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new InputError('INPUT_UNREADABLE', `${file} is not a file. Give the path of a .csv or .xlsx file.`);
      const buf = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return { magic: buf.subarray(0, bytesRead), size: info.size };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable(file, e);
  }
}
