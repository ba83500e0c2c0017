// Walmart's error envelope, {"error": [{code, field, description, info, severity, category, causes,
// errorIdentifiers}]}, with the status, category and severity Walmart's error table gives each code.
import type { Reply } from './reply.js';

export type ErrorKind =
  | 'INVALID_REQUEST'
  | 'INVALID_REQUEST_HEADER'
  | 'INVALID_REQUEST_PARAM'
  | 'INVALID_REQUEST_CONTENT'
  | 'MISSING_REQUEST_HEADER'
  | 'MISSING_REQUEST_PARAM'
  | 'MALFORMED_REQUEST_CONTENT'
  | 'UNAUTHORIZED'
  | 'CONTENT_NOT_FOUND'
  | 'URI_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_ENTITY_TOO_LARGE'
  | 'RESOURCE_IS_LOCKED'
  | 'REQUEST_THRESHOLD_VIOLATED'
  | 'SYSTEM_ERROR'
  | 'DOWNSTREAM_SYSTEM_TIME_OUT';

export type Severity = 'INFO' | 'WARN' | 'ERROR';
export type Category = 'APPLICATION' | 'SYSTEM' | 'REQUEST' | 'DATA';

/** The service a code is suffixed with; the gateway answers for headers, auth and throttling. */
export type Service = 'GMP_GATEWAY_API' | 'GMP_ITEM_QUERY_API' | 'GMP_ITEM_SPEC_API' | 'GMP_FEED_API' | 'GMP_RECEIVER_API' | 'GMP_ORDER_API';

export interface GatewayError {
  code: string;
  field: string;
  description: string;
  info: string;
  severity: Severity;
  category: Category;
  causes: unknown[];
  errorIdentifiers: Record<string, unknown>;
}

export interface ErrorEnvelope {
  error: GatewayError[];
}

interface KindInfo {
  status: number;
  category: Category;
  severity: Severity;
  info: string;
}

// From Walmart's error table (002); REQUEST_ENTITY_TOO_LARGE is not in it, the 413 its feeds document is.
const KINDS: Readonly<Record<ErrorKind, KindInfo>> = {
  INVALID_REQUEST: { status: 400, category: 'DATA', severity: 'ERROR', info: 'The request is invalid.' },
  INVALID_REQUEST_HEADER: { status: 400, category: 'DATA', severity: 'ERROR', info: 'One or more request headers are invalid.' },
  INVALID_REQUEST_PARAM: { status: 400, category: 'DATA', severity: 'ERROR', info: 'One or more request parameters are invalid.' },
  INVALID_REQUEST_CONTENT: { status: 400, category: 'DATA', severity: 'ERROR', info: 'The request content is invalid.' },
  MISSING_REQUEST_HEADER: { status: 400, category: 'DATA', severity: 'ERROR', info: 'One or more required request headers are missing.' },
  MISSING_REQUEST_PARAM: { status: 400, category: 'DATA', severity: 'ERROR', info: 'One or more required request parameters are missing.' },
  MALFORMED_REQUEST_CONTENT: { status: 400, category: 'DATA', severity: 'ERROR', info: 'The request content is malformed.' },
  UNAUTHORIZED: { status: 401, category: 'DATA', severity: 'ERROR', info: 'Unauthorized token or token is expired' },
  CONTENT_NOT_FOUND: { status: 404, category: 'APPLICATION', severity: 'INFO', info: 'Requested content could not be found.' },
  URI_NOT_FOUND: { status: 404, category: 'DATA', severity: 'ERROR', info: 'The requested URI does not exist.' },
  METHOD_NOT_ALLOWED: { status: 405, category: 'DATA', severity: 'ERROR', info: 'The request method is not supported for this resource.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, category: 'DATA', severity: 'ERROR', info: 'The Content-Type is not supported for this resource.' },
  REQUEST_ENTITY_TOO_LARGE: { status: 413, category: 'REQUEST', severity: 'ERROR', info: 'The request is larger than this API accepts.' },
  RESOURCE_IS_LOCKED: { status: 423, category: 'APPLICATION', severity: 'ERROR', info: 'The resource is temporarily locked; retry later.' },
  REQUEST_THRESHOLD_VIOLATED: { status: 429, category: 'REQUEST', severity: 'ERROR', info: 'Too many requests; wait until x-next-replenish-time.' },
  SYSTEM_ERROR: { status: 500, category: 'SYSTEM', severity: 'ERROR', info: 'Internal system error.' },
  DOWNSTREAM_SYSTEM_TIME_OUT: { status: 504, category: 'SYSTEM', severity: 'ERROR', info: 'A downstream system timed out.' },
};

export interface ErrorDetail {
  field: string;
  description: string;
  info?: string;
}

export function statusOf(kind: ErrorKind): number {
  return KINDS[kind].status;
}

export function gatewayError(kind: ErrorKind, service: Service, detail: ErrorDetail): GatewayError {
  const k = KINDS[kind];
  return {
    code: `${kind}.${service}`,
    field: detail.field,
    description: detail.description,
    info: detail.info ?? k.info,
    severity: k.severity,
    category: k.category,
    causes: [],
    errorIdentifiers: {},
  };
}

/** A reply carrying one error (or several of the same kind). */
export function errorReply(kind: ErrorKind, service: Service, ...details: ErrorDetail[]): Reply {
  const body: ErrorEnvelope = { error: details.map((d) => gatewayError(kind, service, d)) };
  return { status: KINDS[kind].status, body };
}

/** 400 for a missing or empty request header, as the gateway words it. */
export function badHeader(name: string): Reply {
  return errorReply('INVALID_REQUEST_HEADER', 'GMP_GATEWAY_API', { field: name, description: `${name} set null or invalid.` });
}

export function badParam(service: Service, name: string, description: string): Reply {
  return errorReply('INVALID_REQUEST_PARAM', service, { field: name, description });
}

export function missingParam(service: Service, name: string): Reply {
  return errorReply('MISSING_REQUEST_PARAM', service, { field: name, description: `The request parameter ${name} is required.` });
}

export function notFound(service: Service, description: string, field = '404_NOT_FOUND'): Reply {
  return errorReply('CONTENT_NOT_FOUND', service, { field, description });
}
