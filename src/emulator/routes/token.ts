// POST /v3/token: client_credentials with Basic auth, answered as Walmart's token API answers
// ({access_token, token_type, expires_in}).
import { credentialsAccepted, parseBasic } from '../auth.js';
import { header } from '../context.js';
import type { RequestContext } from '../context.js';
import { errorReply } from '../envelope.js';
import type { Reply } from '../reply.js';
import type { Route } from '../router.js';

// Walmart's own wording for a bad Basic header (supplier_get_items_401 example).
const BASIC_INFO =
  'Unauthorized token or incorrect authorization header. Please verify correct format: "Authorization: Basic Base64Encode(clientId:clientSecret)" For more information, see https://developer.walmart.com/#/apicenter/marketPlace/latest#apiAuthentication.';

function grantType(ctx: RequestContext): string | undefined {
  const text = ctx.body.toString('utf8');
  if (/^application\/json/i.test(header(ctx, 'content-type') ?? '')) {
    try {
      const json = JSON.parse(text) as { grant_type?: unknown };
      return typeof json.grant_type === 'string' ? json.grant_type : undefined;
    } catch {
      return undefined;
    }
  }
  return new URLSearchParams(text).get('grant_type') ?? undefined;
}

function createToken(ctx: RequestContext): Reply {
  const creds = parseBasic(header(ctx, 'authorization'));
  if (creds === undefined || !credentialsAccepted(creds, ctx.options.credentials)) {
    return errorReply('UNAUTHORIZED', 'GMP_GATEWAY_API', { field: 'UNAUTHORIZED', description: 'Unauthorized', info: BASIC_INFO });
  }
  const grant = grantType(ctx);
  if (grant !== 'client_credentials') {
    return errorReply('INVALID_REQUEST_CONTENT', 'GMP_GATEWAY_API', {
      field: 'grant_type',
      description: grant === undefined ? 'grant_type is required; send grant_type=client_credentials as a form field.' : `grant_type "${grant}" is not supported here; use client_credentials.`,
    });
  }
  const token = ctx.state.tokens.issue(creds.clientId);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: ctx.state.tokens.ttlSeconds } };
}

export const tokenRoutes: readonly Route[] = [{ method: 'POST', pattern: '/v3/token', api: 'token', auth: false, correlationRequired: false, body: 'small', handler: createToken }];
