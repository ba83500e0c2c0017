// Runs `serve`: flags, config file and CATALOG_GATE_TOKEN into the service's options; prints where it
// listens (never the token) and runs until SIGINT or SIGTERM.
import { readConfig } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { startServer } from '../server/index.js';
import type { EngineSettings, ServeLimits } from '../server/index.js';
import type { ServeFlags } from './commands/serve.js';
import { EXIT_OK } from './exit.js';

function positive(flag: string, value: string | undefined, scale = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not "${value}"`);
  return Math.round(n * scale);
}

function integer(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number, not "${value}"`);
  return n;
}

export async function runServe(flags: ServeFlags): Promise<number> {
  const config = await readConfig(flags.config);
  const cacheDir = flags.cacheDir ?? config.cacheDir;
  const settings: EngineSettings = {
    ...(cacheDir === undefined ? {} : { cacheDir }),
    ...(config.rules === undefined ? {} : { rules: config.rules }),
    ...(config.columns === undefined ? {} : { columns: config.columns }),
    ...(config.feedType === undefined ? {} : { feedType: config.feedType }),
    ...(config.specVersion === undefined ? {} : { specVersion: config.specVersion }),
    ...(config.productType === undefined ? {} : { productType: config.productType }),
    ...(config.sheet === undefined ? {} : { sheet: config.sheet }),
  };
  const limits: Partial<ServeLimits> = {};
  const set = (k: keyof ServeLimits, v: number | undefined): void => {
    if (v !== undefined) limits[k] = v;
  };
  set('maxFileBytes', positive('--max-file-mb', flags.maxFileMb, 1024 ** 2));
  set('maxBodyBytes', positive('--max-body-mb', flags.maxBodyMb, 1024 ** 2));
  set('maxRows', positive('--max-rows', flags.maxRows));
  set('timeoutMs', positive('--timeout', flags.timeout, 1000));
  const server = await startServer({
    port: integer('--port', flags.port),
    host: flags.host,
    token: flags.token ?? process.env.CATALOG_GATE_TOKEN,
    ...(flags.workers === undefined ? {} : { workers: integer('--workers', flags.workers) }),
    settings,
    limits,
    ...(flags.log ? { log: (line: string) => void process.stderr.write(`${line}\n`) } : {}),
    debug: process.argv.includes('--debug'),
  });
  const o = server.options;
  process.stdout.write(
    `catalog-gate serve: listening on ${server.url} (web page at ${server.url}/, API at ${server.url}/v1, ${o.workers} validation workers${o.token === undefined ? '' : '; /v1 needs the API token'}). Ctrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT_OK;
}
