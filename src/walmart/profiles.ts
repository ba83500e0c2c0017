// The Walmart environments the client knows: API base URL, token URL (configured apart from the base, as
// Walmart's guide insists) and the usual WM_SVC.NAME. Any other base URL (the local emulator) is "custom".

export type ProfileName = 'marketplace' | 'supplier' | 'sandbox' | 'custom';

export interface Profile {
  readonly name: Exclude<ProfileName, 'custom'>;
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly svcName: string;
}

export const PROFILES: Readonly<Record<Exclude<ProfileName, 'custom'>, Profile>> = {
  marketplace: {
    name: 'marketplace',
    baseUrl: 'https://marketplace.walmartapis.com',
    tokenUrl: 'https://marketplace.walmartapis.com/v3/token',
    svcName: 'Walmart Marketplace',
  },
  supplier: {
    name: 'supplier',
    baseUrl: 'https://api-gateway.walmart.com',
    // Not in the reference files we have; the supplier guides point at the same gateway. Override if needed.
    tokenUrl: 'https://api-gateway.walmart.com/v3/token',
    svcName: 'supplier',
  },
  sandbox: {
    name: 'sandbox',
    baseUrl: 'https://sandbox.walmartapis.com',
    tokenUrl: 'https://sandbox.walmartapis.com/v3/token',
    svcName: 'Walmart Marketplace',
  },
};

/** The profile whose base URL this is, ignoring a trailing slash; undefined for any other URL. */
export function profileForBaseUrl(baseUrl: string): Profile | undefined {
  const clean = baseUrl.replace(/\/+$/, '');
  return Object.values(PROFILES).find((p) => p.baseUrl === clean);
}

/** Supplier item-setup feeds go to POST /v3/feeds/items; every other feed type to POST /v3/feeds. */
export const SUPPLIER_ITEM_FEED_TYPES: readonly string[] = ['OMNI_DSV_ITEM', 'OMNI_ONLINE_ITEM', 'OMNI_OWNED_ITEM'];

export function feedSubmitPath(feedType: string): '/v3/feeds' | '/v3/feeds/items' {
  return SUPPLIER_ITEM_FEED_TYPES.includes(feedType) ? '/v3/feeds/items' : '/v3/feeds';
}
