// The RecordView a rule sees, over one item and its product type's attribute index.
import type { AttributeIndex } from '../compile/attributes.js';
import { valueAt } from '../compile/attributes.js';
import { isPresent } from '../core/rule.js';
import type { RecordView } from '../core/rule.js';

export function recordView(index: number, item: unknown, productType: string, attrs: AttributeIndex, sku: string | undefined): RecordView {
  const get = (a: string): unknown => {
    const info = attrs.byName.get(a);
    return info === undefined ? undefined : valueAt(item, info.segments);
  };
  return {
    index,
    sku,
    productType,
    get,
    has: (a) => isPresent(get(a)),
    defines: (a) => attrs.byName.has(a),
    requires: (a) => attrs.byName.get(a)?.required ?? false,
    title: (a) => attrs.byName.get(a)?.title ?? a,
  };
}
