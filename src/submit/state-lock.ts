// One submit at a time per state directory: a lock file holding the owner's pid, taken with O_EXCL.
// A lock left by a process that no longer runs (a killed submit) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isAlive } from '../spec/cache-lock.js';

export function lockStateDir(stateDir: string): () => void {
  const file = join(stateDir, 'submit.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(file, 'utf8').trim());
      } catch {
        // Vanished between the two calls: try again.
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new UsageError(`another catalog-gate submit (pid ${owner}) is using ${stateDir}; wait for it to finish, or use another --state-dir`);
      }
      try {
        unlinkSync(file);
      } catch {
        // Someone else took it over first; the next attempt sees theirs.
      }
    }
  }
  throw new UsageError(`could not lock ${stateDir} for submit; remove ${file} if no submit is running`);
}
