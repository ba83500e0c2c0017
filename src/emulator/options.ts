// The emulator's options, their defaults, and their checks: a bad value (from the CLI's flags or a
// test) is a UsageError naming the option and what it takes.
import { UsageError } from '../core/errors.js';
import type { AccessLogHook } from './access-log.js';
import type { Credentials } from './auth.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { checkRates, parseFaults } from './faults.js';
import type { FaultRates } from './faults.js';
import type { RateLimitOptions } from './rate-limit.js';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default: the emulator is for tests and dry runs, not a network service. */
  host?: string;
  /** The schemas-cache specs are served from and feeds validated against; the bundled one by default. */
  cacheDir?: string;
  /** Accepted client credentials; by default any non-empty client ID and secret. */
  credentials?: Credentials | readonly Credentials[];
  /** Access token lifetime (Walmart: 900). */
  tokenTtlSeconds?: number;
  /** How long a feed takes from RECEIVED to PROCESSED (default 1000). */
  processingMs?: number;
  /** Fault rates: "429=0.2,503=0.1,reset=0.05,423=0.01,500=0.01,504=0.01,slow=0.05,expire=0.01". */
  faults?: string | FaultRates;
  /** Seed of every random choice: faults, IDs, orders (default 1). */
  seed?: number | string;
  /** Whether POST /v3/token gets random faults too (default false: faults hit the data APIs). */
  faultsOnToken?: boolean;
  /** Whether a feed POST hit by `reset` was accepted before the socket died (default true). */
  resetAcceptsFeed?: boolean;
  /** How long a `slow` fault delays the response (default 1500 ms, on `clock`: a ManualClock must be advanced). */
  slowMs?: number;
  /** Per-API buckets over the defaults, or false for buckets too large to empty. */
  rateLimits?: RateLimitOptions;
  /** Item feed submissions allowed per hour (the feedSubmit bucket; default 10). */
  feedsPerHour?: number;
  /** Largest feed file accepted (default 25 MiB); larger is a 413. */
  maxFeedBytes?: number;
  /** Most items in one feed (default 10,000); more is a 413. */
  maxFeedItems?: number;
  /** How many purchase orders to seed (default 25). */
  orders?: number;
  /** The moment seeded orders are dated back from (default: the start of today, UTC). */
  ordersAnchor?: number | Date | string;
  /** The catalog to start with: the sample feeds' items (default), nothing, or these feed items. */
  catalog?: 'samples' | 'empty' | readonly unknown[];
  /** Reject records whose product ID is listed with a very different title or price (default true). */
  catalogChecks?: boolean;
  /** Seller ID in feed listings (partnerId) and supplier ID on orders. */
  partnerId?: string;
  supplierId?: string;
  clock?: Clock;
  onAccessLog?: AccessLogHook;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  cacheDir: string | undefined;
  credentials: readonly Credentials[] | undefined;
  tokenTtlSeconds: number;
  processingMs: number;
  faults: FaultRates;
  seed: number | string;
  faultsOnToken: boolean;
  resetAcceptsFeed: boolean;
  slowMs: number;
  rateLimits: RateLimitOptions | undefined;
  maxFeedBytes: number;
  maxFeedItems: number;
  orders: number;
  ordersAnchor: number;
  catalog: 'samples' | 'empty' | readonly unknown[];
  catalogChecks: boolean;
  partnerId: string;
  supplierId: string;
  clock: Clock;
  onAccessLog: AccessLogHook | undefined;
}

function int(name: string, value: number | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`emulator option ${name} must be a whole number from ${min} to ${max}, not ${String(value)}`);
  return value;
}

function startOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function anchor(value: EmulatorOptions['ordersAnchor'], clock: Clock): number {
  if (value === undefined) return startOfUtcDay(clock.now());
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  if (!Number.isFinite(ms)) throw new UsageError(`emulator option ordersAnchor must be a date, not ${String(value)}`);
  return ms;
}

export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  const clock = o.clock ?? systemClock;
  const credentials = o.credentials === undefined ? undefined : Array.isArray(o.credentials) ? (o.credentials as readonly Credentials[]) : [o.credentials as Credentials];
  if (credentials?.some((c) => c.clientId === '' || c.clientSecret === '')) throw new UsageError('emulator credentials need a non-empty clientId and clientSecret');
  if (o.rateLimits) {
    for (const [api, limit] of Object.entries(o.rateLimits)) {
      if (!(limit.limit > 0) || !(limit.windowMs > 0)) throw new UsageError(`rate limit for ${api} needs a positive limit and windowMs`);
    }
  }
  return {
    port: int('port', o.port, 0, 0, 65535),
    host: o.host ?? '127.0.0.1',
    cacheDir: o.cacheDir,
    credentials,
    tokenTtlSeconds: int('tokenTtlSeconds', o.tokenTtlSeconds, 900, 1),
    processingMs: int('processingMs', o.processingMs, 1000, 0),
    faults: o.faults === undefined ? {} : typeof o.faults === 'string' ? parseFaults(o.faults) : checkRates(o.faults),
    seed: o.seed ?? 1,
    faultsOnToken: o.faultsOnToken ?? false,
    resetAcceptsFeed: o.resetAcceptsFeed ?? true,
    slowMs: int('slowMs', o.slowMs, 1500, 0),
    rateLimits: o.feedsPerHour === undefined || o.rateLimits === false ? o.rateLimits : { ...o.rateLimits, feedSubmit: { limit: int('feedsPerHour', o.feedsPerHour, 10, 1), windowMs: 3_600_000 } },
    maxFeedBytes: int('maxFeedBytes', o.maxFeedBytes, 25 * 1024 * 1024, 1),
    maxFeedItems: int('maxFeedItems', o.maxFeedItems, 10_000, 1),
    orders: int('orders', o.orders, 25, 0, 100_000),
    ordersAnchor: anchor(o.ordersAnchor, clock),
    catalog: o.catalog ?? 'samples',
    catalogChecks: o.catalogChecks ?? true,
    partnerId: o.partnerId ?? '10001234',
    supplierId: o.supplierId ?? '123456789',
    clock,
    onAccessLog: o.onAccessLog,
  };
}
