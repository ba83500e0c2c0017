// Preloaded with `node --import` where /usr/bin/time is missing: on exit, writes the process's peak RSS
// (process.resourceUsage().maxRSS, KiB) to stderr as `catalog-gate-bench maxRSS=<n>`.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\ncatalog-gate-bench maxRSS=${String(process.resourceUsage().maxRSS)}\n`);
});
