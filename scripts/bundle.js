// Bundles the catalog-gate CLI (and the two worker entries it starts) into dist/cli/, the `catalog-gate` bin.
// Why: the CLI's ~180 ES modules cost about 0.2 s of resolving and loading on every run (measured in BENCHMARKS.md);
// one bundle loads in a fraction of that. The library (`import … from 'catalog-gate'`) stays tsc's dist/src/.
// All outputs sit in one flat directory, so `new URL('./sheet-worker.js', import.meta.url)` and
// `./worker-main.js` resolve from any chunk to the worker entries beside it. Dynamic imports stay lazy (chunks).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their contents: clear out the last build's.
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts', 'src/sources/xlsx/sheet-worker.ts', 'src/server/worker-main.ts'],
  outdir: 'dist/cli',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Only src/sources/xlsx/source-mode.ts imports it, to run workers from .ts sources in tests; never from dist/.
  external: ['typescript'],
  // CommonJS dependencies (ajv, exceljs…) call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __catalogGateRequire } from 'node:module'; const require = __catalogGateRequire(import.meta.url);" },
});
