// Work that several rules need from one record, done once: the engine hands every rule the same RecordView object
// for a record, so remembering the last view seen is enough to share the result between the rules of a pack.
import type { RecordView } from '../src/core/rule.js';

/**
 * `read`, computed once per record and reused while the same RecordView comes back. One slot rather than a WeakMap:
 * records go through the rules one at a time, so a slot costs an identity test and keeps nothing alive but the last
 * record. Another view in between only means computing again. It assumes what a view reads does not change while
 * the rules run, as the engine's views do. The result is shared: callers must treat it as read-only.
 */
export function perRecord<T>(read: (record: RecordView) => T): (record: RecordView) => T {
  let last: RecordView | undefined;
  let value: T;
  return (record) => {
    if (record !== last) {
      value = read(record);
      last = record;
    }
    return value;
  };
}
