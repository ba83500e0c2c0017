// For the `catalog-gate emulator` command: its flags (strings, as a CLI parser hands them over) turned
// into EmulatorOptions, with usage errors that name the flag, and the banner it prints once listening.
import { UsageError } from '../core/errors.js';
import type { Emulator } from './index.js';
import type { EmulatorOptions } from './options.js';

export interface EmulatorFlags {
  port?: string | number;
  host?: string;
  faults?: string;
  processingMs?: string | number;
  tokenTtl?: string | number;
  seed?: string;
  cacheDir?: string;
  feedsPerHour?: string | number;
}

function whole(flag: string, value: string | number | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${String(value)}"`);
  return n;
}

export function emulatorOptionsFromFlags(flags: EmulatorFlags): EmulatorOptions {
  const options: EmulatorOptions = {};
  const port = whole('--port', flags.port, 0, 65535);
  const processingMs = whole('--processing-ms', flags.processingMs, 0, 86_400_000);
  const tokenTtl = whole('--token-ttl', flags.tokenTtl, 1, 86_400);
  if (port !== undefined) options.port = port;
  if (processingMs !== undefined) options.processingMs = processingMs;
  if (tokenTtl !== undefined) options.tokenTtlSeconds = tokenTtl;
  const feedsPerHour = whole('--feeds-per-hour', flags.feedsPerHour, 1, 1_000_000);
  if (feedsPerHour !== undefined) options.feedsPerHour = feedsPerHour;
  if (flags.host !== undefined) options.host = flags.host;
  if (flags.faults !== undefined) options.faults = flags.faults;
  if (flags.seed !== undefined) options.seed = /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
  if (flags.cacheDir !== undefined) options.cacheDir = flags.cacheDir;
  return options;
}

/** What the command prints: where it listens and how it will behave. */
export function emulatorBanner(emu: Emulator): string {
  const o = emu.options;
  const faults = Object.entries(o.faults)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  return [
    `Walmart API emulator listening on ${emu.url}`,
    `  token: POST ${emu.url}/v3/token (Basic auth, any non-empty client ID and secret unless configured); tokens last ${o.tokenTtlSeconds} s`,
    `  feeds take ${o.processingMs} ms to process; faults: ${faults === '' ? 'none' : `${faults} (seed ${String(o.seed)})`}`,
  ].join('\n');
}
