// What the primary-variant rules remember of each item: where it is and its Is Primary Variant answer.
import type { RecordView } from '../../src/core/rule.js';
import type { Groups, MemberRef } from './members.js';
import { PRIMARY, addMember, groupIdOf, isPrimary, refOf } from './members.js';

export interface PrimaryMember extends MemberRef {
  primary: boolean;
  /** The answer as given, for messages. */
  value: unknown;
}

export function visitPrimary(groups: Groups<PrimaryMember>, record: RecordView): void {
  const groupId = groupIdOf(record);
  if (groupId === undefined) return;
  const value = record.get(PRIMARY);
  addMember(groups, groupId, { ...refOf(record), primary: isPrimary(value), value });
}
