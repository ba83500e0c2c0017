// The duplicates pack, in run order: repeated SKUs first, since a repeated product ID under one SKU is reported there.
import type { Rule } from '../../src/core/rule.js';
import sku from './sku.js';
import productId from './product-id.js';

const duplicates: readonly Rule[] = [sku, productId];

export default duplicates;
