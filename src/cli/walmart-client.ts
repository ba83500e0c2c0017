// Builds the Walmart API client for a CLI command from CONTRACT.md's environment variables, a
// `--base-url` flag overriding WALMART_BASE_URL. Missing credentials surface as configFromEnv's
// WalmartConfigError (exit 2, one line naming the variables); the secret stays inside its Secret.
import { UsageError } from '../core/errors.js';
import { WalmartClient, configFromEnv } from '../walmart/index.js';

export interface ClientFlags {
  baseUrl?: string;
}

export function walmartClientFrom(flags: ClientFlags, env: Readonly<Record<string, string | undefined>> = process.env): WalmartClient {
  return new WalmartClient(configFromEnv(env, { baseUrl: flags.baseUrl }));
}

/** Runs `fn` with a client and always closes it, so the process is not held open by its connection pool. */
export async function withWalmartClient<T>(flags: ClientFlags, fn: (client: WalmartClient) => Promise<T>): Promise<T> {
  const client = walmartClientFrom(flags);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** A numeric flag of these commands (--limit, --interval-ms...): a whole number, at least `min`. */
export function wholeNumberFlag(flag: string | undefined, name: string, fallback: number, min = 1): number {
  if (flag === undefined) return fallback;
  const n = Number(flag);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}, not "${flag}"`);
  return n;
}
