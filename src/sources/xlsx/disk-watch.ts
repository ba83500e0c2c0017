// Watches the worker's private temp directory: ExcelJS parks sheets there when they come before the
// shared strings in the zip, and a zip whose headers lie about sizes could otherwise fill the disk.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Calls `onExceed` once when the files in `dir` add up to more than `maxBytes`; returns a stop function. */
export function watchDiskUse(dir: string, maxBytes: number, onExceed: (bytes: number) => void, everyMs = 250): () => void {
  let busy = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void dirSize(dir)
      .then((bytes) => {
        if (!stopped && bytes > maxBytes) {
          stop();
          onExceed(bytes);
        }
      })
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  const stop = (): void => {
    stopped = true;
    clearInterval(timer);
  };
  return stop;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  try {
    for (const name of await readdir(dir)) total += (await stat(join(dir, name)).catch(() => ({ size: 0 }))).size;
  } catch {
    // The directory is gone: the worker has finished.
  }
  return total;
}
