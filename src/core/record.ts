// An item as it enters validation, with where a person finds it in the source.

export interface SourceLocation {
  sheet?: string;
  /** Row as the user sees it (the header is row 1). */
  row?: number;
  /** Column letters by attribute path (`Visible.Clothing.gender`) or by attribute name (`gender`). */
  columns?: Readonly<Record<string, string>>;
}

export interface InputItem {
  /** The item as Walmart's feed holds it: `{Orderable, Visible: {PT: {...}}}`, `{Item: {...}}`... */
  data: unknown;
  location?: SourceLocation;
}

export function isInputItem(value: unknown): value is InputItem {
  return typeof value === 'object' && value !== null && 'data' in value && Object.keys(value).every((k) => k === 'data' || k === 'location');
}
