// The client's configuration: resolveConfig is the pure, zod-validated half; configFromEnv reads
// CONTRACT.md's variables. The client secret is wrapped in a Secret at once, and no message ever quotes it.
import * as z from 'zod';
import { WalmartConfigError } from './errors.js';
import type { ProfileName } from './profiles.js';
import { PROFILES, profileForBaseUrl } from './profiles.js';
import { Secret } from './secret.js';

export interface WalmartConfig {
  readonly profile: ProfileName;
  /** API base URL without a trailing slash; it may carry a path prefix. */
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: Secret;
  readonly svcName: string;
  readonly channelType?: string;
  readonly market?: string;
}

export interface WalmartConfigInput {
  profile?: ProfileName | undefined;
  baseUrl?: string | undefined;
  tokenUrl?: string | undefined;
  clientId: string;
  clientSecret: string | Secret;
  svcName?: string | undefined;
  channelType?: string | undefined;
  market?: string | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this machine (the emulator), since the credentials travel in it. */
function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return undefined;
  if (url.protocol === 'http:') return 'must use https (plain http is allowed only for localhost / 127.0.0.1)';
  return 'must be an http(s) URL';
}

const url = z.string().trim().superRefine((v, ctx) => {
  const problem = urlProblem(v);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});
const text = z.string().trim().min(1, 'must not be empty');

const inputSchema = z.object({
  profile: z.enum(['marketplace', 'supplier', 'sandbox', 'custom']).optional(),
  baseUrl: url.optional(),
  tokenUrl: url.optional(),
  clientId: text,
  svcName: text.optional(),
  channelType: text.optional(),
  market: text.optional(),
});

function firstProblem(error: z.ZodError, names: Readonly<Record<string, string>>): string {
  const issue = error.issues[0];
  const key = String(issue?.path[0] ?? '');
  return `${names[key] ?? key} ${issue?.message ?? 'is invalid'}`;
}

const INPUT_NAMES: Readonly<Record<string, string>> = {
  profile: 'profile',
  baseUrl: 'the base URL',
  tokenUrl: 'the token URL',
  clientId: 'the client ID',
  svcName: 'the service name',
  channelType: 'the channel type',
  market: 'the market',
};

export function resolveConfig(input: WalmartConfigInput, names: Readonly<Record<string, string>> = INPUT_NAMES): WalmartConfig {
  // The secret is checked apart from zod so that no validation message can ever carry its value.
  const secret = typeof input.clientSecret === 'string' ? new Secret(input.clientSecret.trim()) : input.clientSecret;
  const { clientSecret: _omitted, ...rest } = input;
  const parsed = inputSchema.safeParse(rest);
  if (!parsed.success) throw new WalmartConfigError(`Walmart configuration: ${firstProblem(parsed.error, names)}.`);
  if (secret.reveal() === '') throw new WalmartConfigError(`Walmart configuration: ${names.clientSecret ?? 'the client secret'} must not be empty.`);
  const c = parsed.data;
  const named = c.profile !== undefined && c.profile !== 'custom' ? PROFILES[c.profile] : undefined;
  if (c.profile === 'custom' && c.baseUrl === undefined) {
    throw new WalmartConfigError(`Walmart configuration: the custom profile needs ${names.baseUrl ?? 'a base URL'}.`);
  }
  // A base URL decides the profile (a known host is that profile, anything else is custom); otherwise the named profile does.
  const profile: ProfileName = c.baseUrl === undefined ? (named?.name ?? 'marketplace') : (profileForBaseUrl(c.baseUrl)?.name ?? 'custom');
  const baseUrl = (c.baseUrl ?? PROFILES[profile === 'custom' ? 'marketplace' : profile].baseUrl).replace(/\/+$/, '');
  // A custom base (the emulator) serves its own token endpoint unless told otherwise.
  const tokenUrl = c.tokenUrl ?? (profile === 'custom' ? `${baseUrl}/v3/token` : PROFILES[profile].tokenUrl);
  const svcName = c.svcName ?? (named ?? PROFILES[profile === 'custom' ? 'marketplace' : profile]).svcName;
  return Object.freeze({
    profile,
    baseUrl,
    tokenUrl,
    clientId: c.clientId,
    clientSecret: secret,
    svcName,
    ...(c.channelType === undefined ? {} : { channelType: c.channelType }),
    ...(c.market === undefined ? {} : { market: c.market }),
  });
}

const ENV_NAMES: Readonly<Record<string, string>> = {
  baseUrl: 'WALMART_BASE_URL',
  tokenUrl: 'WALMART_TOKEN_URL',
  clientId: 'WALMART_CLIENT_ID',
  clientSecret: 'WALMART_CLIENT_SECRET',
  svcName: 'WALMART_SVC_NAME',
  channelType: 'WALMART_CHANNEL_TYPE',
  market: 'WALMART_MARKET',
};

/**
 * Reads WALMART_CLIENT_ID, WALMART_CLIENT_SECRET, WALMART_BASE_URL (default: marketplace), WALMART_SVC_NAME,
 * WALMART_CHANNEL_TYPE, WALMART_MARKET, and the optional WALMART_TOKEN_URL. Empty values count as unset.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, overrides: Partial<WalmartConfigInput> = {}): WalmartConfig {
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  // A CLI passes `{ baseUrl: opts.baseUrl }` whether or not the flag was given: undefined must not erase the env.
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<WalmartConfigInput>;
  const clientId = given.clientId ?? get('WALMART_CLIENT_ID');
  const clientSecret = given.clientSecret ?? get('WALMART_CLIENT_SECRET');
  const missing = [clientId === undefined ? 'WALMART_CLIENT_ID' : undefined, clientSecret === undefined ? 'WALMART_CLIENT_SECRET' : undefined].filter(
    (n): n is string => n !== undefined,
  );
  if (clientId === undefined || clientSecret === undefined) {
    throw new WalmartConfigError(`Walmart credentials missing: set ${missing.join(' and ')} (from the Walmart Developer Portal).`);
  }
  return resolveConfig(
    {
      baseUrl: get('WALMART_BASE_URL'),
      tokenUrl: get('WALMART_TOKEN_URL'),
      svcName: get('WALMART_SVC_NAME'),
      channelType: get('WALMART_CHANNEL_TYPE'),
      market: get('WALMART_MARKET'),
      ...given,
      clientId,
      clientSecret,
    },
    ENV_NAMES,
  );
}
