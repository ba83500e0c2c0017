// The service's options and limits, and the rule that a server reachable from other machines needs a token.
import { availableParallelism } from 'node:os';
import { UsageError } from '../core/errors.js';
import type { EngineSettings } from './jobs.js';

export interface ServeLimits {
  /** JSON bodies of POST /v1/validate. */
  maxBodyBytes: number;
  /** Uploaded spreadsheets. */
  maxFileBytes: number;
  /** Records of a JSON body, rows of a sheet. */
  maxRows: number;
  /** For receiving a request's body, and again for its work (waiting for a worker and validating). */
  timeoutMs: number;
  /** Uploads being received, waiting or validated at once; more are refused with 503. */
  maxUploads: number;
  /** Jobs waiting for a worker; more are refused with 503. */
  maxQueue: number;
  /** Rows of the sheet returned with grid=1. */
  gridRows: number;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Bearer token for /v1/*; required when binding to anything but loopback. */
  token?: string | undefined;
  /** Validation worker threads (default: the machine's available parallelism, at least 2). */
  workers?: number;
  /** Each worker's V8 heap limit. */
  workerHeapMb?: number;
  settings?: EngineSettings;
  limits?: Partial<ServeLimits>;
  /** One line per request (method, path, status, time), when given. */
  log?: (line: string) => void;
  debug?: boolean;
}

export interface ResolvedServeOptions {
  port: number;
  host: string;
  token: string | undefined;
  workers: number;
  workerHeapMb: number;
  settings: EngineSettings;
  limits: ServeLimits;
  log: ((line: string) => void) | undefined;
  debug: boolean;
}

export const DEFAULT_SERVE_LIMITS: Readonly<Omit<ServeLimits, 'maxUploads'>> = {
  maxBodyBytes: 16 * 1024 ** 2,
  maxFileBytes: 64 * 1024 ** 2,
  maxRows: 100_000,
  timeoutMs: 120_000,
  maxQueue: 256,
  gridRows: 5_000,
};

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export function resolveServeOptions(o: ServeOptions): ResolvedServeOptions {
  const host = o.host ?? '127.0.0.1';
  const token = o.token === undefined || o.token === '' ? undefined : o.token;
  if (token !== undefined && /\s/.test(token)) throw new UsageError('the API token must not contain spaces or line breaks');
  if (token === undefined && !isLoopback(host)) {
    throw new UsageError(`binding to ${host} makes the service reachable from other machines; give it an API token with --token or CATALOG_GATE_TOKEN, or bind to 127.0.0.1`);
  }
  const port = o.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${String(o.port)}`);
  const workers = o.workers ?? Math.max(2, availableParallelism());
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers must be a number from 1 to 64, not ${String(o.workers)}`);
  const limits: ServeLimits = { ...DEFAULT_SERVE_LIMITS, maxUploads: workers * 2, ...o.limits };
  for (const [k, v] of Object.entries(limits)) if (!Number.isFinite(v) || v <= 0) throw new UsageError(`the ${k} limit must be a positive number, not ${String(v)}`);
  return { port, host, token, workers, workerHeapMb: o.workerHeapMb ?? 1024, settings: o.settings ?? {}, limits, log: o.log, debug: o.debug ?? false };
}
