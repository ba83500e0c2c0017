// Issues are data: the one shape every check produces and every report renders (see CONTRACT.md).

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export interface Issue {
  /** Stable, namespaced code, e.g. `schema.enum`, `gtin.check_digit`, `variants.two_primaries`. */
  code: string;
  severity: Severity;
  /** The input file, when several were validated in one run. */
  file?: string;
  /** 1-based position of the item in the input; 0 for the feed itself (its header). */
  record: number;
  row?: number;
  column?: string;
  cell?: string;
  sheet?: string;
  sku?: string;
  /** Dotted path inside the item, e.g. `Visible.Clothing.gender`. */
  path: string;
  /** The attribute's name as the spec spells it. */
  field: string;
  message: string;
  hint?: string;
  /** The rule that produced it, for rule-pack issues. */
  rule?: string;
  productType?: string;
}

export interface Summary {
  records: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Report {
  summary: Summary;
  issues: Issue[];
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
