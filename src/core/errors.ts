// Failures (bad input, missing spec, tampered cache...) are thrown as these; only cli/ and server/ turn them into exit codes.

export type ErrorCode =
  | 'USAGE'
  | 'INPUT_UNREADABLE'
  | 'INPUT_INVALID'
  | 'SPEC_NOT_FOUND'
  | 'SPEC_INTEGRITY'
  | 'SPEC_INVALID'
  | 'SPEC_UNSUPPORTED_KEYWORD'
  | 'CACHE_IO'
  // Walmart API failures (src/walmart/errors.ts has a class for each).
  | 'WALMART_CONFIG'
  | 'WALMART_AUTH'
  | 'WALMART_FORBIDDEN'
  | 'WALMART_NOT_FOUND'
  | 'WALMART_REJECTED'
  | 'WALMART_PAYLOAD_TOO_LARGE'
  | 'WALMART_RATE_LIMITED'
  | 'WALMART_UNAVAILABLE'
  | 'WALMART_NETWORK'
  | 'WALMART_OUTCOME_UNKNOWN'
  | 'WALMART_BAD_RESPONSE';

export class CatalogGateError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogGateError';
    this.code = code;
  }
}

export class UsageError extends CatalogGateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
    this.name = 'UsageError';
  }
}

export class InputError extends CatalogGateError {
  constructor(code: 'INPUT_UNREADABLE' | 'INPUT_INVALID', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'InputError';
  }
}

export class SpecError extends CatalogGateError {
  constructor(
    code: 'SPEC_NOT_FOUND' | 'SPEC_INTEGRITY' | 'SPEC_INVALID' | 'SPEC_UNSUPPORTED_KEYWORD' | 'CACHE_IO',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'SpecError';
  }
}

export function isCatalogGateError(e: unknown): e is CatalogGateError {
  return e instanceof CatalogGateError;
}
