// SARIF 2.1.0 for code-scanning tools: one rule per issue code (id = the code, words from the code catalogue),
// one result per issue, located by row and column in spreadsheets and by record and path in JSON feeds.
import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import type { Issue, Report, Severity } from '../core/issue.js';
import { describeCode } from './code-catalog.js';

export interface SarifOptions {
  /** catalog-gate's version for tool.driver.version; the CLI reads it from package.json, keeping this pure. */
  toolVersion: string;
  /** The input's name for issues that carry no `file` (a run over one input). */
  source?: string;
  /** Absolute inputs are made relative to this (the repository root), as code scanning expects. */
  baseDir?: string;
}

type Level = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', info: 'note' };

/** Bump when the fingerprint's ingredients change, so old alerts are not matched to new ones by accident. */
const FINGERPRINT_KEY = 'catalogGateIssue/v1';

/** Column number for letters: A -> 1, Z -> 26, AA -> 27. Undefined for anything but letters. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A file as a repository-relative path with forward slashes; absolute only when no baseDir says where from. */
export function posixPath(file: string, baseDir?: string): string {
  const rel = baseDir !== undefined && isAbsolute(file) ? relative(baseDir, file) : file;
  return rel.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** The artifact URI: relative paths percent-encoded per segment ("My Items.xlsx" is not a valid URI reference). */
function artifactUri(file: string, baseDir: string | undefined): string {
  const path = posixPath(file, baseDir);
  const encoded = path.split('/').map((s) => (/^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join('/');
  // Built by hand: pathToFileURL would resolve against the working directory and read Windows paths as relative.
  if (path.startsWith('/')) return `file://${encoded}`;
  return /^[A-Za-z]:\//.test(path) ? `file:///${encoded}` : encoded;
}

/** "GtinCheckDigit" for gtin.check_digit: SARIF's `name` is a compact identifier, not prose. */
function ruleName(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function messageText(issue: Issue): string {
  return issue.hint === undefined ? issue.message : `${issue.message}\n${issue.hint}`;
}

/** Where the issue sits inside its item: "record 3/Visible.Clothing.gender", "header/MPItemFeedHeader.version". */
function logicalName(issue: Issue): string {
  const owner = issue.record === 0 ? 'header' : `record ${issue.record}`;
  return issue.path === '' ? owner : `${owner}/${issue.path}`;
}

function fingerprint(issue: Issue, uri: string): string {
  const who = issue.sku !== undefined ? `sku ${issue.sku}` : `record ${issue.record}`;
  return createHash('sha256').update([issue.code, uri, who, issue.path].join('\u0000')).digest('hex').slice(0, 32);
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

function sarifRule(code: string, seen: Severity): SarifRule {
  const entry = describeCode(code);
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: entry.title },
    fullDescription: { text: entry.help },
    help: { text: entry.help, markdown: `**${entry.title}** (\`${code}\`)\n\n${entry.help}` },
    // An unknown code has no default of its own: the severity it was reported with is the best guess.
    defaultConfiguration: { level: LEVEL[entry.known ? entry.severity : seen] },
    properties: { tags: ['catalog-gate', entry.pack ?? code.split('.')[0] ?? code] },
  };
}

export function renderSarif(report: Report, options: SarifOptions): string {
  const firstSeverity = new Map<string, Severity>();
  for (const i of report.issues) if (!firstSeverity.has(i.code)) firstSeverity.set(i.code, i.severity);
  // Sorted, so a code's ruleIndex depends only on which codes occur, not on the order they occurred in.
  const codes = [...firstSeverity.keys()].sort();
  const ruleIndex = new Map(codes.map((c, n) => [c, n]));
  const rules = codes.map((c) => sarifRule(c, firstSeverity.get(c) ?? 'error'));

  const results = report.issues.map((issue) => {
    const file = issue.file ?? options.source;
    const uri = file === undefined ? undefined : artifactUri(file, options.baseDir);
    const logicalLocations = [{ fullyQualifiedName: logicalName(issue) }];
    const location: Record<string, unknown> = {};
    if (uri !== undefined) {
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri } };
      if (issue.row !== undefined) {
        const column = issue.column === undefined ? undefined : columnNumber(issue.column);
        physicalLocation.region = column === undefined ? { startLine: issue.row } : { startLine: issue.row, startColumn: column };
      }
      location.physicalLocation = physicalLocation;
    }
    location.logicalLocations = logicalLocations;
    const properties: Record<string, unknown> = { record: issue.record, path: issue.path, field: issue.field };
    for (const key of ['sku', 'sheet', 'cell', 'column', 'productType', 'rule'] as const) {
      const value = issue[key];
      if (value !== undefined) properties[key] = value;
    }
    return {
      ruleId: issue.code,
      ruleIndex: ruleIndex.get(issue.code) ?? 0,
      level: LEVEL[issue.severity],
      message: { text: messageText(issue) },
      locations: [location],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(issue, uri ?? '') },
      properties,
    };
  });

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'catalog-gate',
            version: options.toolVersion,
            rules,
          },
        },
        results,
        properties: { summary: report.summary },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
