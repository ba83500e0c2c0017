// Errors where the item clashes with what Walmart's catalog already holds: a product ID whose listing
// looks different, a SKU once tied to another product ID, a duplicate of another SKU.
import type { KnownIngestionError } from './known-error.js';
import { group, said } from './known-error.js';

/** Doc 002: title or price significantly different from existing listings for the same product ID. */
export const CATALOG_MISMATCH: KnownIngestionError = {
  kind: 'catalog_mismatch',
  category: 'data',
  retryable: false,
  codes: ['ERR_EXT_DATA_0101116'],
  test: /\bsignificantly different from (?:the )?existing listing/i,
  explain: (s) => ({
    message: `${s.title ?? s.fieldName ?? 'The title or price'} is far from what Walmart's existing listing for this Product ID shows, so Walmart suspects the Product ID belongs to another product.${said(s)}`,
    action: 'Check that the Product ID belongs to this product and that its title and price are right; if they are, contact Walmart Partner Support to review the existing listing, then send the item again.',
  }),
};

export const PRODUCT_ID_MISMATCH: KnownIngestionError = {
  kind: 'product_id_mismatch',
  category: 'data',
  retryable: false,
  codes: ['ERR_EXT_DATA_0101119'],
  test: /\balready exists in the Walmart catalog, but the product details you provided do not match\b/i,
  explain: () => ({
    message: 'Walmart already has a product with this Product ID, and the details you sent (such as the title, brand or key attributes) do not match it.',
    action: "Check the Product ID is this exact product's; if it is, make the title, brand and key attributes match the existing Walmart item, or open a support case with proof if Walmart's item is wrong, then send the item again.",
  }),
};

export const SKU_TIED_TO_OTHER_ID: KnownIngestionError = {
  kind: 'sku_tied_to_other_id',
  category: 'duplicate',
  retryable: false,
  codes: ['ERR_EXT_DATA_0101211'],
  test: /\bpreviously used with a different (?:GTIN|product ID|UPC|EAN)\b/i,
  explain: () => ({
    message: 'This SKU was used before with a different Product ID, and Walmart keeps the SKU tied to that earlier item.',
    action: 'Set the item up under a new SKU, or send it with the Product ID the SKU had before.',
  }),
};

/** "Item with SKU='A' is a duplicate of Item with SKU='B'. The system processed the first item but not the second…" */
export const DUPLICATE_ITEM: KnownIngestionError = {
  kind: 'duplicate_item',
  category: 'duplicate',
  retryable: false,
  test: /\bis a duplicate of (?:Item|SKU)\b/i,
  explain: (s) => {
    const pair = /SKU ?= ?'([^']{1,100})' is a duplicate of Item with SKU ?= ?'([^']{1,100})'/i;
    const mine = group(s, 1, pair);
    const other = group(s, 2, pair);
    return {
      message:
        mine !== undefined && other !== undefined
          ? `Walmart treats this item (SKU ${mine}) as a duplicate of SKU ${other}, which it processed first; it did not process this one.`
          : 'Walmart treats this item as a duplicate of another item of yours, which it processed first; it did not process this one.',
      action: "If the two SKUs are the same product, keep one and stop sending the other; if they differ, make the attributes that tell them apart (and their Product IDs) show it. See Walmart's Duplicate Listing Policy.",
    };
  },
};
