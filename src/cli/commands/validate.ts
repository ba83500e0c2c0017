// `catalog-gate validate FILE...`: validate feeds and print a report; exit 0/1 by --fail-on.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';
import { REPORT_FORMATS } from '../../reports/formats.js';

const HELP = `
Examples:
  $ catalog-gate validate samples/feeds/clothing-4.3-errors.json
  $ catalog-gate validate catalog.xlsx --annotate catalog-checked.xlsx
  $ catalog-gate validate catalog.csv --feed-type MP_ITEM --spec-version 4.3 --format sarif --out catalog.sarif
  $ catalog-gate validate items.jsonl --feed-type MP_ITEM --spec-version 4.3 --product-type Clothing
  $ catalog-gate validate feed.json --format json --out report.json --fail-on warning

Exit codes: 0 nothing at or above --fail-on, 1 issues at or above it, 2 the input or spec could not be used.`;

/** The --format choices: every report format. */
export const FORMATS = REPORT_FORMATS;

export interface ValidateFlags {
  feedType?: string;
  specVersion?: string;
  productType?: string;
  config?: string;
  sheet?: string;
  format: (typeof FORMATS)[number];
  out?: string;
  annotate?: string;
  failOn?: 'error' | 'warning';
  cacheDir?: string;
}

export function registerValidate(program: Command, state: CommandState): void {
  program
    .command('validate')
    .description('validate JSON or JSONL feeds against the cached Walmart item specs')
    .argument('<file...>', 'JSON feeds (header + MPItem[]), JSONL (one item per line), CSV or XLSX spreadsheets')
    .option('--feed-type <type>', 'feed type, e.g. MP_ITEM (default: from the feed header)')
    .option('--spec-version <version>', 'spec version, e.g. 4.3 (default: from the feed header)')
    .option('--product-type <type>', 'product type for items or rows that do not name one')
    .option('--config <file>', 'config file (default: catalog-gate.config.json here, if any)')
    .option('--sheet <name>', 'the workbook sheet to read (default: the first)')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option('--annotate <out.xlsx>', 'write a copy of the spreadsheet with every cell that has an issue marked')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1 (default: error)').choices(['error', 'warning']))
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addHelpText('after', HELP)
    .action(async (files: string[], flags: ValidateFlags) => {
      const { runValidate } = await import('../run-validate.js');
      state.code = await runValidate(files, flags);
    });
}
