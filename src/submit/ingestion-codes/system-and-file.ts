// Walmart failing on its side (an exception, a timeout, a lock or the rate limit: resending unchanged may
// work) and feeds it could not read (ERR_PDI_0001) or found invalid (ERR_PDI_0034), as doc 002 lists them.
import type { KnownIngestionError } from './known-error.js';
import { nameOf, said } from './known-error.js';

const RESEND_LATER = 'Send the item again unchanged later; if it fails the same way again, contact Walmart Partner Support with the feed ID.';

export const SYSTEM_EXCEPTION: KnownIngestionError = {
  kind: 'system_exception',
  category: 'system',
  retryable: true,
  codes: ['ERR_PDI_0004', 'SYSTEM_ERROR', 'INVALID_SYSTEM_STATE'],
  test: /\bAn exception occurred\b/i,
  types: ['SYSTEM_ERROR'],
  explain: () => ({
    message: 'Walmart hit an internal error while processing this item; it reported nothing wrong with the data.',
    action: RESEND_LATER,
  }),
};

export const SYSTEM_TIMEOUT: KnownIngestionError = {
  kind: 'system_timeout',
  category: 'system',
  retryable: true,
  codes: ['DOWNSTREAM_SYSTEM_TIME_OUT'],
  types: ['TIMEOUT_ERROR'],
  explain: () => ({
    message: 'Walmart timed out while processing this item; it reported nothing wrong with the data.',
    action: RESEND_LATER,
  }),
};

export const SYSTEM_BUSY: KnownIngestionError = {
  kind: 'system_busy',
  category: 'system',
  retryable: true,
  codes: ['RESOURCE_IS_LOCKED.GMP_RECEIVER_API', 'REQUEST_THRESHOLD_VIOLATED'],
  explain: () => ({
    message: 'Walmart was busy (the item was locked during high-volume processing, or the request limit was reached) and did not process it.',
    action: 'Send the item again unchanged later, at a lower rate; if it keeps happening for an hour, send fewer feeds at once.',
  }),
};

export const MALFORMED_DATA: KnownIngestionError = {
  kind: 'malformed_data',
  category: 'file',
  retryable: false,
  codes: ['ERR_PDI_0001', 'MALFORMED_REQUEST_CONTENT'],
  explain: (s) => ({
    message: `Walmart could not read this data: malformed characters or structure.${said(s)}`,
    action: 'Remove special or broken characters, check the file against the current spec (catalog-gate validate), then send the feed again.',
  }),
};

export const INVALID_DATA: KnownIngestionError = {
  kind: 'invalid_data',
  category: 'data',
  retryable: false,
  codes: ['ERR_PDI_0034', 'INVALID_REQUEST_CONTENT'],
  explain: (s) => {
    const name = nameOf(s);
    return {
      message: `Walmart found required fields missing or values it cannot accept (such as a weight of 0)${name === undefined ? '' : ` in ${name}`}.${said(s)}`,
      action: `Give ${name ?? 'every required field'} a value of the right type and range (catalog-gate validate checks them against the current spec), then send the item again.`,
    };
  },
};
