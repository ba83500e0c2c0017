// Which spec a record is validated against: Walmart names specs by feed type, version and product type.

export interface SpecKey {
  feedType: string;
  version: string;
  /** The product type, or ANY_PRODUCT_TYPE for a spec that is not split by product type (MP_ITEM_MATCH). */
  productType: string;
}

/** Product type of an entry that covers every item of its feed type and version. */
export const ANY_PRODUCT_TYPE = '*';

export function formatSpecKey(key: SpecKey): string {
  const pt = key.productType === ANY_PRODUCT_TYPE ? '' : ` / ${key.productType}`;
  return `${key.feedType} ${key.version}${pt}`;
}

export function specKeyId(key: SpecKey): string {
  return `${key.feedType}|${key.version}|${key.productType}`;
}
