// `catalog-gate submit FILE`: validate, send only the valid records as feeds, follow them to the end.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';
import { FORMATS } from './validate.js';

const HELP = `
Examples:
  $ catalog-gate submit catalog.xlsx --dry-run
  $ catalog-gate submit feed.json --feed-type MP_ITEM --spec-version 4.3 --wait
  $ catalog-gate submit catalog.csv --wait --format json --out submitted.json
  $ catalog-gate submit catalog.xlsx --only-failed --wait
  $ catalog-gate emulator --port 8080 --processing-ms 500 &
  $ WALMART_CLIENT_ID=id WALMART_CLIENT_SECRET=secret catalog-gate submit items.jsonl --base-url http://127.0.0.1:8080 --wait --poll 200ms

Records with errors are never sent. The ledger (--state-dir, default .catalog-gate/ next to FILE) remembers
what was sent, so running the same command again sends nothing twice, even after a crash; changed records
are sent again. Without --wait, follow the feeds later with: catalog-gate feeds watch --state-dir DIR.

Needs WALMART_CLIENT_ID and WALMART_CLIENT_SECRET (not for --dry-run).
Exit codes: 0 every record valid (and, with --wait, accepted by Walmart), 1 records rejected or failed, 2 the input, spec, options or Walmart could not be used.`;

export interface SubmitFlags {
  feedType?: string;
  specVersion?: string;
  productType?: string;
  config?: string;
  sheet?: string;
  cacheDir?: string;
  baseUrl?: string;
  stateDir?: string;
  wait?: boolean;
  dryRun?: boolean;
  onlyFailed?: boolean;
  format: (typeof FORMATS)[number];
  out?: string;
  failOn?: 'error' | 'warning';
  poll?: string;
  maxFeedItems?: string;
  maxFeedBytes?: string;
  feedsPerHour?: string;
}

export function registerSubmit(program: Command, state: CommandState): void {
  program
    .command('submit')
    .description('validate a catalog, send its valid records to Walmart as feeds, and follow them to the end')
    .argument('<file>', 'JSON feed, JSONL, CSV or XLSX')
    .option('--feed-type <type>', 'feed type, e.g. MP_ITEM (default: from the feed header)')
    .option('--spec-version <version>', 'spec version, e.g. 4.3 (default: from the feed header)')
    .option('--product-type <type>', 'product type for items or rows that do not name one')
    .option('--config <file>', 'config file (default: catalog-gate.config.json here, if any)')
    .option('--sheet <name>', 'the workbook sheet to read (default: the first)')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .option('--base-url <url>', "Walmart API base URL (default: WALMART_BASE_URL, else Walmart's marketplace API)")
    .option('--state-dir <dir>', 'where the submit ledger lives (default: .catalog-gate/ next to FILE)')
    .option('--wait', 'follow the feeds until Walmart has processed them; exit 0 only if every record succeeded')
    .option('--dry-run', 'print the plan (which records, which feeds) and send nothing')
    .option('--only-failed', 'send only records that failed at Walmart and have changed since')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--out <file>', 'write the report to this file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that keeps a record back and makes the exit code 1 (default: error)').choices(['error', 'warning']))
    .option('--poll <waits>', 'waits between status polls, the last repeating (default: Walmart\'s advice, 15m,1h,2h,4h; e.g. 200ms against the emulator)')
    .option('--max-feed-items <n>', 'items per feed (default 10000)')
    .option('--max-feed-bytes <n>', 'bytes per feed file (default 10000000)')
    .option('--feeds-per-hour <n>', "Walmart's hourly feed quota (default 10)")
    .addHelpText('after', HELP)
    .action(async (file: string, flags: SubmitFlags) => {
      const { runSubmit } = await import('../run-submit.js');
      state.code = await runSubmit(file, flags);
    });
}
