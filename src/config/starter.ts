// The commented starter config that `catalog-gate init` writes.

export const STARTER_CONFIG = `// catalog-gate configuration. Comments are allowed; every setting is optional.
// Command-line flags win over what is set here.
{
  // The Walmart feed type and spec version to validate against.
  // \`catalog-gate spec list\` shows what is cached.
  "feedType": "MP_ITEM",
  "specVersion": "4.3",

  // For sheets without a "Product Type" column: the product type of every row.
  // "productType": "Clothing",

  // The sheet of a workbook to read (default: the first one).
  // "sheet": "Items",

  // Column headers that do not match an attribute name or title, mapped by hand:
  // header text -> attribute name, or a dotted path such as "productIdentifiers.productId".
  "columns": {
    // "Colour": "color",
    // "UPC Code": "productIdentifiers.productId"
  },

  // Rule packs: identifiers, images, warranty, prop65, hazmat, variants, duplicates.
  // Set a pack or a single rule or issue code to "error", "warning", "info" or "off".
  "rules": {
    "packs": {
      // "images": "warning"
    },
    "rules": {
      // "image.not_jpg": "off"
    }
  },

  // Exit with 1 on issues at or above this severity: "error" (default) or "warning".
  "failOn": "error"
}
`;
