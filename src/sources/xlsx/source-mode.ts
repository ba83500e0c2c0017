// Lets the sheet worker run from TypeScript sources, which Node 20 cannot load (vitest runs src/ as
// .ts; only its own module runner understands TypeScript, and worker threads do not use that runner).
// We transpile the worker's own modules with TypeScript (a dev dependency, present wherever tests run)
// and boot the worker from a data: URL that registers ts-hooks.ts to serve them. Never used from dist/.
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type TypeScriptApi from 'typescript';
import type { TsHooksData } from './ts-hooks.js';

type TypeScript = typeof TypeScriptApi;

const boots = new Map<string, Promise<URL>>();

/** A data: URL that starts `entry` (a .ts file URL) in a worker; built once per entry and process. */
export function sourceWorkerUrl(entry: URL): Promise<URL> {
  let boot = boots.get(entry.href);
  if (boot === undefined) {
    boot = buildBoot(entry);
    boots.set(entry.href, boot);
  }
  return boot;
}

async function buildBoot(entry: URL): Promise<URL> {
  const ts = (await import('typescript')).default;
  const data: TsHooksData = { sources: [...(await transpileGraph(ts, entry))] };
  const hooks = transpile(ts, new URL('./ts-hooks.ts', import.meta.url), await readFile(new URL('./ts-hooks.ts', import.meta.url), 'utf8'));
  const boot = [
    `import { register } from 'node:module';`,
    `register(${JSON.stringify(toDataUrl(hooks))}, { data: ${JSON.stringify(data)} });`,
    `await import(${JSON.stringify(entry.href)});`,
  ].join('\n');
  return new URL(toDataUrl(boot));
}

/** The entry and every project module it imports (relative `.js` specifiers with a `.ts` file behind them). */
async function transpileGraph(ts: TypeScript, entry: URL): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const pending = [entry.href];
  for (let url = pending.pop(); url !== undefined; url = pending.pop()) {
    if (out.has(url)) continue;
    const js = transpile(ts, new URL(url), await readFile(new URL(url), 'utf8'));
    out.set(url, js);
    // Type-only imports are gone from the output, so this follows runtime imports only.
    for (const m of js.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      const dep = new URL(`${m[1] ?? ''}.ts`, url);
      if (await exists(dep)) pending.push(dep.href);
    }
  }
  return out;
}

function transpile(ts: TypeScript, url: URL, text: string): string {
  return ts.transpileModule(text, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
      inlineSources: true,
    },
  }).outputText;
}

async function exists(url: URL): Promise<boolean> {
  try {
    await access(url);
    return true;
  } catch {
    return false;
  }
}

function toDataUrl(js: string): string {
  return `data:text/javascript,${encodeURIComponent(js)}`;
}
