// A cheap look at an .xlsx file's zip central directory before any worker starts: is it a zip, is it a
// workbook, and do its declared sizes look like a zip bomb. Reads the directory only, never the contents.
import { open } from 'node:fs/promises';
import yauzl from 'yauzl';
import { InputError } from '../../core/errors.js';
import { unreadable } from '../csv.js';

export interface ZipLimits {
  /** Sum of the entries' declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** An entry compressed more than this many times over... */
  maxRatio: number;
  /** ...and larger than this once uncompressed is taken for a bomb (real sheets reach 20:1, rarely 100:1). */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxUncompressedBytes: 2 * 1024 ** 3,
  maxRatio: 200,
  ratioMinBytes: 50 * 1024 ** 2,
};

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\x05\x06', 'latin1');

export async function checkXlsxZip(file: string, limits: ZipLimits): Promise<void> {
  const magic = await readMagic(file);
  if (!magic.equals(ZIP_MAGIC) && !magic.equals(EMPTY_ZIP_MAGIC)) {
    throw new InputError('INPUT_INVALID', `${file} is not an Excel .xlsx file (it is not a zip archive). Open it in Excel and save it as .xlsx, or give a .csv file.`);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw damaged(file, e);
  }
  try {
    let total = 0;
    let hasWorkbook = false;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === 'xl/workbook.xml') hasWorkbook = true;
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > limits.maxUncompressedBytes || (ratio > limits.maxRatio && entry.uncompressedSize > limits.ratioMinBytes)) {
        throw new InputError(
          'INPUT_INVALID',
          `${file} looks like a zip bomb: ${entry.fileName} unpacks to ${mb(entry.uncompressedSize)} MB from ${mb(entry.compressedSize)} MB (all entries: ${mb(total)} MB or more), beyond what catalog-gate unpacks (${mb(limits.maxUncompressedBytes)} MB, ${limits.maxRatio}:1). If the workbook is genuine, save the sheet as CSV and try again.`,
        );
      }
    }
    if (!hasWorkbook) {
      throw new InputError(
        'INPUT_INVALID',
        `${file} is a zip archive but not an Excel .xlsx workbook (it has no xl/workbook.xml; .xlsb and .ods files are not read). Open it in Excel, save it as .xlsx, and try again.`,
      );
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damaged(file, e);
  } finally {
    zip.close();
  }
}

async function readMagic(file: string): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(4);
      const { bytesRead } = await handle.read(buf, 0, 4, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw unreadable(file, e);
  }
}

function damaged(file: string, e: unknown): InputError {
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  return new InputError('INPUT_INVALID', `${file} is a damaged or incomplete .xlsx file (${reason}). Copy it again or save it again from Excel, and try again.`, { cause: e });
}

function mb(bytes: number): string {
  return (bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0);
}
