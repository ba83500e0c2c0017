// getToken: the current access token from the client's token service (cached, coalesced, renewed early).
import type { CallOptions, WalmartClient } from '../client.js';
import type { AccessToken } from '../token-service.js';

export function getToken(client: WalmartClient, options: CallOptions = {}): Promise<AccessToken> {
  return client.getAccessToken(options);
}
