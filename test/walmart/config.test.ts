// Configuration: CONTRACT.md's env vars, the built-in profiles, the token URL kept apart from the base
// URL, and validation messages that never quote the secret.
import { describe, expect, it } from 'vitest';
import { configFromEnv, feedSubmitPath, resolveConfig, WalmartConfigError } from '../../src/walmart/index.js';

const creds = { WALMART_CLIENT_ID: 'id-1', WALMART_CLIENT_SECRET: 'the-secret-value' };

describe('configFromEnv', () => {
  it('defaults to the marketplace profile and its token endpoint', () => {
    const c = configFromEnv(creds);
    expect(c).toMatchObject({
      profile: 'marketplace',
      baseUrl: 'https://marketplace.walmartapis.com',
      tokenUrl: 'https://marketplace.walmartapis.com/v3/token',
      clientId: 'id-1',
      svcName: 'Walmart Marketplace',
    });
    expect(c.clientSecret.reveal()).toBe('the-secret-value');
    expect(c.channelType).toBeUndefined();
  });

  it('recognises the supplier and sandbox hosts', () => {
    expect(configFromEnv({ ...creds, WALMART_BASE_URL: 'https://api-gateway.walmart.com/' })).toMatchObject({
      profile: 'supplier',
      baseUrl: 'https://api-gateway.walmart.com',
      svcName: 'supplier',
    });
    expect(configFromEnv({ ...creds, WALMART_BASE_URL: 'https://sandbox.walmartapis.com' })).toMatchObject({
      profile: 'sandbox',
      tokenUrl: 'https://sandbox.walmartapis.com/v3/token',
    });
  });

  it('treats any other base URL as custom (the emulator), with its own token endpoint unless told', () => {
    expect(configFromEnv({ ...creds, WALMART_BASE_URL: 'http://127.0.0.1:8080/wm/' })).toMatchObject({
      profile: 'custom',
      baseUrl: 'http://127.0.0.1:8080/wm',
      tokenUrl: 'http://127.0.0.1:8080/wm/v3/token',
    });
    expect(configFromEnv({ ...creds, WALMART_BASE_URL: 'http://localhost:9', WALMART_TOKEN_URL: 'https://marketplace.walmartapis.com/v3/token' }).tokenUrl).toBe(
      'https://marketplace.walmartapis.com/v3/token',
    );
  });

  it('reads the optional service name, channel type and market', () => {
    expect(configFromEnv({ ...creds, WALMART_SVC_NAME: 'My App', WALMART_CHANNEL_TYPE: 'chan', WALMART_MARKET: 'CA' })).toMatchObject({
      svcName: 'My App',
      channelType: 'chan',
      market: 'CA',
    });
  });

  it('lets explicit overrides win, but an undefined override (a flag not given) keeps the env value', () => {
    const env = { ...creds, WALMART_BASE_URL: 'https://sandbox.walmartapis.com' };
    expect(configFromEnv(env, { baseUrl: undefined }).profile).toBe('sandbox');
    expect(configFromEnv(env, { baseUrl: 'http://127.0.0.1:7000' }).profile).toBe('custom');
  });

  it('names the missing variables', () => {
    expect(() => configFromEnv({})).toThrow(/set WALMART_CLIENT_ID and WALMART_CLIENT_SECRET/);
    expect(() => configFromEnv({ WALMART_CLIENT_ID: 'x', WALMART_CLIENT_SECRET: '  ' })).toThrow(/set WALMART_CLIENT_SECRET/);
  });

  it('refuses plain http to anything but this machine, naming the variable and not the secret', () => {
    const error = (() => {
      try {
        configFromEnv({ ...creds, WALMART_BASE_URL: 'http://walmart.example.com' });
      } catch (e) {
        return e;
      }
      return undefined;
    })() as WalmartConfigError;
    expect(error).toBeInstanceOf(WalmartConfigError);
    expect(error.code).toBe('WALMART_CONFIG');
    expect(error.message).toMatch(/^Walmart configuration: WALMART_BASE_URL must use https/);
    expect(error.message).not.toContain('the-secret-value');
    expect(() => configFromEnv({ ...creds, WALMART_BASE_URL: 'not a url' })).toThrow(/WALMART_BASE_URL is not a URL/);
  });
});

describe('resolveConfig and profiles', () => {
  it('takes a named profile', () => {
    expect(resolveConfig({ profile: 'supplier', clientId: 'a', clientSecret: 'bbbbbb' })).toMatchObject({
      baseUrl: 'https://api-gateway.walmart.com',
      tokenUrl: 'https://api-gateway.walmart.com/v3/token',
    });
    expect(() => resolveConfig({ profile: 'custom', clientId: 'a', clientSecret: 'b' })).toThrow(WalmartConfigError);
  });

  it('routes supplier item-setup feeds to /v3/feeds/items and the rest to /v3/feeds', () => {
    expect(['OMNI_DSV_ITEM', 'OMNI_ONLINE_ITEM', 'OMNI_OWNED_ITEM'].map(feedSubmitPath)).toEqual(Array(3).fill('/v3/feeds/items'));
    expect(['MP_ITEM', 'MP_WFS_ITEM', 'OMNI_MAINTENANCE', 'DSV_INVENTORY'].map(feedSubmitPath)).toEqual(Array(4).fill('/v3/feeds'));
  });
});
