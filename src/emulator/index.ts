// The Walmart API emulator: a local HTTP server that behaves like Walmart's Marketplace and Supplier APIs
// (token, item spec and taxonomy, feeds, catalog, orders) for tests, demos and dry runs, with Walmart's
// error envelopes, rate-limit headers and injectable faults. startEmulator() is its one entry point.
import { EmulatorServer } from './server.js';
import { resolveOptions } from './options.js';
import type { EmulatorOptions, ResolvedOptions } from './options.js';
import { EmulatorState } from './state.js';

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:53121 (no trailing slash). */
  url: string;
  /** Stops the server (dropping open connections) and pending feed processing. */
  close(): Promise<void>;
  /** Tokens, buckets, faults, catalog, feeds and orders, for tests to inspect and arrange. */
  state: EmulatorState;
  options: ResolvedOptions;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const state = new EmulatorState(resolved);
  const server = new EmulatorServer(resolved, state);
  const url = await server.listen();
  let closed: Promise<void> | undefined;
  return {
    url,
    state,
    options: resolved,
    close() {
      closed ??= (async () => {
        state.processor.close();
        await server.close();
      })();
      return closed;
    },
  };
}

export type { EmulatorOptions, ResolvedOptions } from './options.js';
export { resolveOptions } from './options.js';
export { EmulatorState } from './state.js';
export type { AccessLogEntry, AccessLogHook } from './access-log.js';
export type { Credentials } from './auth.js';
export { ManualClock, systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { FAULT_KINDS, parseFaults } from './faults.js';
export type { FaultKind, FaultRates } from './faults.js';
export { DEFAULT_RATE_LIMITS } from './rate-limit.js';
export type { ApiName, RateLimit, RateLimitOptions } from './rate-limit.js';
export { CATALOG_MISMATCH_CODE, UNKNOWN_SKU_CODE, ingestionCodeFor } from './feeds/ingestion-errors.js';
export type { FeedRecord, FeedStatus, IngestionError, IngestionStatus, ItemStatus } from './stores/feeds.js';
export type { CatalogItem } from './stores/catalog.js';
export type { PurchaseOrder } from './stores/orders.js';
export type { GatewayError, ErrorEnvelope } from './envelope.js';
export { emulatorBanner, emulatorOptionsFromFlags } from './cli-options.js';
export type { EmulatorFlags } from './cli-options.js';
