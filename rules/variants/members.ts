// How the variant feed rules remember items: a few fields per item, grouped by Variant Group ID, never whole records.
import type { RecordView, RuleFinding } from '../../src/core/rule.js';

export const GROUP_ID = 'variantGroupId';
export const NAMES = 'variantAttributeNames';
export const PRIMARY = 'isPrimaryVariant';
export const SWATCHES = 'swatchImages';

/** Where a finding about a remembered item belongs. */
export interface MemberRef {
  record: number;
  sku: string | undefined;
  productType: string;
}

export type Groups<Member> = Map<string, Member[]>;

export function refOf(record: RecordView): MemberRef {
  return { record: record.index, sku: record.sku, productType: record.productType };
}

/** The finding fields that place a feed-rule finding on a remembered item. */
export function placeOn(member: MemberRef): Pick<RuleFinding, 'record' | 'sku' | 'productType'> {
  return { record: member.record, sku: member.sku, productType: member.productType };
}

/** Variant Group ID, trimmed; CSV coercion may have turned a numeric id into a number. */
export function groupIdOf(record: RecordView): string | undefined {
  const value = record.get(GROUP_ID);
  const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return id === '' ? undefined : id;
}

/** Variant Attribute Names as given, in order; a delimited string is accepted for spreadsheets without array coercion. */
export function namesOf(record: RecordView): string[] {
  const value = record.get(NAMES);
  const items = Array.isArray(value) ? (value as unknown[]) : typeof value === 'string' ? value.split(/[,;|]/) : [];
  return items.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter((n) => n !== '');
}

export function isPrimary(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'yes');
}

export function addMember<Member>(groups: Groups<Member>, groupId: string, member: Member): void {
  const members = groups.get(groupId);
  if (members) members.push(member);
  else groups.set(groupId, [member]);
}

/** "record 3 (SKU TS-104)", for messages that point at another item. */
export function describeRef(record: unknown, sku: unknown): string {
  const at = `record ${String(record)}`;
  return typeof sku === 'string' && sku !== '' ? `${at} (SKU ${sku})` : at;
}
