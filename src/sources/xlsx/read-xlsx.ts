// Reads one sheet of an .xlsx workbook as a TableSource. ExcelJS runs in a worker thread with its own
// heap limit and a time limit, behind a zip pre-check, so a hostile workbook can neither pollute this
// process's prototypes (only structured-cloned primitives come back), hang it, nor exhaust its memory.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { DEFAULT_TABLE_LIMITS } from '../csv.js';
import type { TableLimits } from '../csv.js';
import type { SourceProblem, TableSource } from '../table.js';
import { watchDiskUse } from './disk-watch.js';
import type { SheetWorkerInput } from './protocol.js';
import { SheetChannel } from './sheet-channel.js';
import { startSheetWorker } from './start-worker.js';
import { DEFAULT_ZIP_LIMITS, checkXlsxZip } from './zip-check.js';
import type { ZipLimits } from './zip-check.js';

export interface XlsxWorkerLimits {
  /** The worker's V8 old-generation heap; past it the worker dies with ERR_WORKER_OUT_OF_MEMORY. */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  /** Time the worker may spend reading; time spent waiting for the consumer does not count. */
  timeLimitMs: number;
  /** Rows per message from the worker. */
  batchRows: number;
  /** Batches in flight at most (sent by the worker, not yet taken by the consumer). */
  windowBatches: number;
}

export const DEFAULT_XLSX_WORKER_LIMITS: Readonly<XlsxWorkerLimits> = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 64,
  timeLimitMs: 120_000,
  batchRows: 500,
  windowBatches: 4,
};

export interface XlsxOptions {
  /** Sheet name; the first visible sheet when absent. */
  sheet?: string;
  limits?: Partial<TableLimits>;
  zip?: Partial<ZipLimits>;
  worker?: Partial<XlsxWorkerLimits>;
}

export async function readXlsx(file: string, options: XlsxOptions = {}): Promise<TableSource> {
  const limits: TableLimits = { ...DEFAULT_TABLE_LIMITS, ...options.limits };
  const zipLimits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.zip };
  const run: XlsxWorkerLimits = { ...DEFAULT_XLSX_WORKER_LIMITS, ...options.worker };
  await checkXlsxZip(file, zipLimits);

  // A private temp directory we can measure and always remove, whatever becomes of the worker.
  const scratch = await mkdtemp(join(tmpdir(), 'catalog-gate-xlsx-'));
  // Should the process exit before the worker does (a consumer that never read the rows), clean up then.
  const removeAtExit = (): void => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeAtExit);
  let stopWatch = (): void => {};
  let cleaned: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaned ??= (async () => {
      stopWatch();
      process.off('exit', removeAtExit);
      await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    })());

  const input: SheetWorkerInput = { file, sheet: options.sheet, limits, batchRows: run.batchRows, initialCredit: run.windowBatches };
  let channel: SheetChannel;
  try {
    const worker = await startSheetWorker({
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: run.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: run.maxYoungGenerationSizeMb },
      env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    });
    worker.once('exit', () => void cleanup());
    channel = new SheetChannel(worker, { file, window: run.windowBatches, timeLimitMs: run.timeLimitMs, memoryMb: run.maxOldGenerationSizeMb, cleanup });
    stopWatch = watchDiskUse(scratch, zipLimits.maxUncompressedBytes, (bytes) =>
      channel.fail(
        new InputError(
          'INPUT_INVALID',
          `${file} looks like a zip bomb: unpacking it wrote ${Math.round(bytes / 1024 ** 2)} MB, more than the ${Math.round(zipLimits.maxUncompressedBytes / 1024 ** 2)} MB catalog-gate unpacks. If the workbook is genuine, save the sheet as CSV and try again.`,
        ),
      ),
    );
  } catch (e) {
    await cleanup();
    throw e;
  }

  let header;
  try {
    header = await channel.readHeader();
  } catch (e) {
    await channel.close();
    throw e;
  }
  const problems: SourceProblem[] = [];
  return { kind: 'xlsx', sheet: header.sheet, header: header.header, headerRow: header.headerRow, rows: channel.rows(problems), problems, close: () => channel.close() };
}
