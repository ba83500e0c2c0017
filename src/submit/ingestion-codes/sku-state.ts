// Errors about the SKU's state on Walmart rather than the data sent: no such item, an item deleted or
// retired, and an update Walmart had already applied (stale: nothing to fix).
import type { KnownIngestionError } from './known-error.js';

const REMOVING = new Set(['RETIRE_ITEM', 'DELETE_ITEM']);

export const SKU_NOT_FOUND: KnownIngestionError = {
  kind: 'sku_not_found',
  category: 'not_found',
  retryable: false,
  test: /\bNo matching record found\b/i,
  explain: (s) => {
    const removing = s.feedType !== undefined && REMOVING.has(s.feedType.toUpperCase());
    if (removing) {
      return {
        message: 'Walmart has no item with this SKU in your catalog, so there was nothing to retire or delete.',
        action: 'Check the SKU is spelled exactly as on Walmart (Seller Center, Items); if the item was never set up or is already gone, there is nothing left to do for it.',
      };
    }
    return {
      message: 'Walmart has no item with this SKU in your catalog, so the update had nothing to apply to.',
      action: 'The item does not exist on Walmart: correct the SKU if it is misspelled, or send it as a full item (MP_ITEM) first and then send updates. If you were retiring it, it is already gone.',
    };
  },
};

export const SKU_RETIRED: KnownIngestionError = {
  kind: 'sku_retired',
  category: 'not_found',
  retryable: false,
  test: /\bdeleted ?\/ ?retired\b/i,
  explain: () => ({
    message: 'This SKU was deleted or retired on Walmart, so a maintenance update cannot change it.',
    action: 'Set the item up again as a full item (MP_ITEM feed, or Add items in Seller Center), then send maintenance updates.',
  }),
};

export const STALE_UPDATE: KnownIngestionError = {
  kind: 'stale_update',
  category: 'stale',
  retryable: false,
  codes: ['ERR_EXT_DATA_0101198'],
  test: /\bstale update\b/i,
  explain: () => ({
    message: 'Nothing to fix: Walmart had already applied this exact update successfully, so it skipped the repeat.',
    action: 'No action needed. Only if the item on Walmart does not show the change, contact Walmart Partner Support.',
  }),
};
