// Bundles the catalog-gate CLI (and the two worker entries it starts) into dist/cli/, the `catalog-gate` bin.
// Why: the CLI's ~180 ES modules cost about 0.2 s of resolving and loading on every run (measured in BENCHMARKS.md);
// one bundle loads in a fraction of that. The library (`import … from 'catalog-gate'`) stays tsc's dist/src/.
// All outputs sit in one flat directory, so `new URL('./sheet-worker.js', import.meta.url)` and
// `./worker-main.js` resolve from any chunk to the worker entries beside it. Dynamic imports stay lazy (chunks).
import { rmSync } from 'node:fs';
import { sep } from 'node:path';
import { build } from 'esbuild';

/**
 * What a run loads only if it needs it, measured in instructions on a one-line feed (BENCHMARKS.md, session 13):
 * - Ajv's compiler (src/compile/codegen.ts, ~290 KB bundled) is needed only for a spec whose compiled code is not
 *   on disk. The compiler asks for it with a synchronous require() when a rejected record needs the full validator
 *   (compiler.ts): bundled, that require linked it into a chunk every run loaded; here it is an entry of its own,
 *   dist/cli/codegen.js, which Node (20.19+) requires as an ES module when asked. The compiler's import() of it
 *   (a cold start) loads the same file.
 * - commander requires node:child_process (with net and dgram, ~25 M instructions) at load, for subcommands that
 *   are executables of their own; catalog-gate's are actions, so it gets child_process's spawn only when asked.
 */
const loadWhenAsked = {
  name: 'load-when-asked',
  setup(b) {
    b.onResolve({ filter: /^\.\/codegen\.js$/ }, (args) =>
      args.kind === 'require-call' && args.importer.endsWith(`${sep}src${sep}compile${sep}compiler.ts`) ? { path: './codegen.js', external: true } : undefined,
    );
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}commander${sep}`) ? { path: 'child-process-when-asked', namespace: 'catalog-gate' } : undefined,
    );
    b.onLoad({ filter: /^child-process-when-asked$/, namespace: 'catalog-gate' }, () => ({
      contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
      loader: 'js',
    }));
  },
};

// Chunk names change with their contents: clear out the last build's.
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts', 'src/sources/xlsx/sheet-worker.ts', 'src/server/worker-main.ts', 'src/compile/codegen.ts'],
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
  plugins: [loadWhenAsked],
  // CommonJS dependencies (ajv, exceljs…) call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __catalogGateRequire } from 'node:module'; const require = __catalogGateRequire(import.meta.url);" },
});
