// What the primary-variant rules read of each item: its Is Primary Variant answer, read once per record for both.
import type { RecordView } from '../../src/core/rule.js';
import { perRecord } from '../per-record.js';
import { PRIMARY } from './members.js';

/** Is Primary Variant as given, for the verdict (isPrimary) and for messages. */
export const primaryAnswerOf: (record: RecordView) => unknown = perRecord((record) => record.get(PRIMARY));
