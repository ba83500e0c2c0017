// A RecordView over a flat attribute map, for data-driven rule tests without a spec.
import type { RecordView } from '../../src/core/rule.js';
import { isPresent } from '../../src/core/rule.js';

export interface FakeRecordOptions {
  index?: number;
  sku?: string;
  productType?: string;
  /** Attributes the fake spec defines; defaults to the keys of `values`. */
  defines?: readonly string[];
  requires?: readonly string[];
  titles?: Record<string, string>;
}

export function fakeRecord(values: Record<string, unknown>, options: FakeRecordOptions = {}): RecordView {
  const defined = new Set(options.defines ?? Object.keys(values));
  const required = new Set(options.requires ?? []);
  return {
    index: options.index ?? 1,
    sku: options.sku ?? (typeof values.sku === 'string' ? values.sku : undefined),
    productType: options.productType ?? 'Clothing',
    get: (a) => values[a],
    has: (a) => isPresent(values[a]),
    defines: (a) => defined.has(a),
    requires: (a) => required.has(a),
    title: (a) => options.titles?.[a] ?? a,
  };
}
