// An item as it enters validation, with where a person finds it in the source.
import type { Issue } from './issue.js';

export interface SourceLocation {
  sheet?: string;
  /** Row as the user sees it (the header is row 1). */
  row?: number;
  /** Column letters by attribute path (`Visible.Clothing.gender`) or by attribute name (`gender`). */
  columns?: Readonly<Record<string, string>>;
}

/** An issue the source found in this item's row (a restored leading zero, a number in scientific notation). */
export type SourceIssue = Omit<Issue, 'record' | 'sku' | 'productType'>;

export interface InputItem {
  /** The item as Walmart's feed holds it: `{Orderable, Visible: {PT: {...}}}`, `{Item: {...}}`... */
  data: unknown;
  location?: SourceLocation;
  issues?: SourceIssue[];
}

const INPUT_ITEM_KEYS = new Set(['data', 'location', 'issues']);

export function isInputItem(value: unknown): value is InputItem {
  return typeof value === 'object' && value !== null && 'data' in value && Object.keys(value).every((k) => INPUT_ITEM_KEYS.has(k));
}
