// What the primary-variant rules read of each item: its Is Primary Variant answer, read once per record (by the first
// of the feed rules to visit it, for all of them: see variant-items.ts).
import type { RecordView } from '../../src/core/rule.js';
import { PRIMARY } from './members.js';

/** Is Primary Variant as given, for the verdict (isPrimary) and for messages. */
export function primaryAnswerOf(record: RecordView): unknown {
  return record.get(PRIMARY);
}
