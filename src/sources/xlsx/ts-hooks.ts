// Module loader hooks for the sheet worker when it runs from TypeScript sources (tests): they serve
// our .ts files, transpiled beforehand by source-mode.ts, for the `.js` specifiers our imports use.
import type { InitializeHook, LoadHook, ResolveHook } from 'node:module';

export interface TsHooksData {
  /** Transpiled JavaScript by the file URL of its .ts source. */
  sources: [string, string][];
}

let sources = new Map<string, string>();

export const initialize: InitializeHook<TsHooksData> = (data) => {
  sources = new Map(data.sources);
};

export const resolve: ResolveHook = (specifier, context, nextResolve) => {
  if (context.parentURL !== undefined && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const url = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL).href;
    if (sources.has(url)) return { url, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
};

export const load: LoadHook = (url, context, nextLoad) => {
  const source = sources.get(url);
  return source === undefined ? nextLoad(url, context) : { format: 'module', source, shortCircuit: true };
};
