// The JSON report the service answers (CONTRACT.md's shape, plus `sheet` with grid=1), checked just enough that the
// page can render whatever arrives without throwing.

/**
 * @typedef {'error' | 'warning' | 'info'} Severity
 * @typedef {{ code: string, severity: Severity, record: number, row?: number, column?: string, cell?: string,
 *             sheet?: string, sku?: string, field?: string, message: string, hint?: string }} Issue
 * @typedef {{ records: number, valid: number, invalid: number, errors: number, warnings: number, infos: number }} Summary
 * @typedef {{ name: string, columns: string[], rows: string[][], firstRow: number, truncated: boolean }} Sheet
 * @typedef {{ summary: Summary, issues: Issue[], spec: { feedType: string, specVersion: string } | undefined,
 *             sheet: Sheet | undefined }} Report
 */

/** @type {ReadonlyArray<Severity>} */
export const SEVERITIES = ['error', 'warning', 'info'];

/** @type {Readonly<Record<Severity, string>>} */
export const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' };

/** @type {Readonly<Record<Severity, string>>} */
export const SEVERITY_MARK = { error: '✖', warning: '▲', info: 'ℹ' };

/**
 * @param {unknown} v
 * @returns {v is Record<string, unknown>}
 */
function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @param {unknown} v */
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v : undefined);

/**
 * @param {unknown} v
 * @returns {Issue | undefined}
 */
function issueOf(v) {
  if (!isObject(v)) return undefined;
  const severity = SEVERITIES.find((s) => s === v.severity);
  const code = str(v.code);
  const message = str(v.message);
  if (severity === undefined || code === undefined || message === undefined) return undefined;
  /** @type {Issue} */
  const issue = { code, severity, record: num(v.record), message };
  if (typeof v.row === 'number' && Number.isInteger(v.row) && v.row > 0) issue.row = v.row;
  for (const key of /** @type {const} */ (['column', 'cell', 'sheet', 'sku', 'field', 'hint'])) {
    const s = str(v[key]);
    if (s !== undefined && s !== '') issue[key] = s;
  }
  return issue;
}

/**
 * @param {unknown} v
 * @returns {Sheet | undefined}
 */
function sheetOf(v) {
  if (!isObject(v) || !Array.isArray(v.columns) || !Array.isArray(v.rows)) return undefined;
  /** @param {unknown} c */
  const text = (c) => (typeof c === 'string' ? c : c === null || c === undefined ? '' : String(c));
  return {
    name: str(v.name) ?? '',
    columns: v.columns.map(text),
    rows: v.rows.map((r) => (Array.isArray(r) ? r.map(text) : [])),
    firstRow: typeof v.firstRow === 'number' && Number.isInteger(v.firstRow) && v.firstRow > 1 ? v.firstRow : 2,
    truncated: v.truncated === true,
  };
}

/**
 * @param {unknown} body
 * @returns {Report}
 */
export function parseReport(body) {
  if (!isObject(body) || !isObject(body.summary) || !Array.isArray(body.issues)) {
    throw new Error('The server answered with something that is not a catalog-gate report.');
  }
  const s = body.summary;
  const spec = isObject(body.spec) && typeof body.spec.feedType === 'string' && typeof body.spec.specVersion === 'string'
    ? { feedType: body.spec.feedType, specVersion: body.spec.specVersion }
    : undefined;
  return {
    summary: {
      records: num(s.records), valid: num(s.valid), invalid: num(s.invalid),
      errors: num(s.errors), warnings: num(s.warnings), infos: num(s.infos),
    },
    issues: body.issues.map(issueOf).filter((i) => i !== undefined),
    spec,
    sheet: sheetOf(body.sheet),
  };
}

/**
 * Where an issue is, for a person: "U4", "Row 4", or "Whole file".
 * @param {Issue} issue
 */
export function placeOf(issue) {
  if (issue.cell !== undefined) return issue.cell;
  if (issue.row !== undefined) return issue.column !== undefined ? `${issue.column}${issue.row}` : `Row ${issue.row}`;
  if (issue.record > 0) return `Record ${issue.record}`;
  return 'Whole file';
}

/**
 * One line a screen reader or a tooltip says for an issue.
 * @param {Issue} issue
 */
export function issueText(issue) {
  return `${SEVERITY_LABEL[issue.severity]} (${issue.code}): ${issue.message}${issue.hint !== undefined ? ` Fix: ${issue.hint}` : ''}`;
}
