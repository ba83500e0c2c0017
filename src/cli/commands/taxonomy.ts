// `catalog-gate taxonomy`: browse categories, product type groups and product types (offline by default).
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';
import type { TaxonomyFlags } from '../run-taxonomy.js';

const HELP = `
Examples:
  $ catalog-gate taxonomy --spec-version 4.3
  $ catalog-gate taxonomy --search shoes
  $ catalog-gate taxonomy --feed-type MP_ITEM --spec-version 4.3 --search "Animal" --format json
  $ WALMART_BASE_URL=http://127.0.0.1:8080 catalog-gate taxonomy --online --spec-version 4.3

Offline, groups and categories are derived from the cached product types' names, not Walmart's own tree.
Exit 1 when --search matches nothing (with the nearest product type as a suggestion).`;

export function registerTaxonomy(program: Command, state: CommandState): void {
  program
    .command('taxonomy')
    .description('list categories -> product type groups -> product types from the cached specs (or Walmart, with --online)')
    .option('--spec-version <version>', 'only this spec version, e.g. 4.3')
    .option('--feed-type <type>', 'only this feed type, e.g. MP_ITEM')
    .option('--search <word>', 'only categories, groups and product types containing this word')
    .option('--online', 'ask Walmart (GET /v3/items/taxonomy) instead of reading the cache')
    .option('--base-url <url>', 'Walmart API base URL for --online (default: WALMART_BASE_URL)')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', HELP)
    .action(async (flags: TaxonomyFlags) => {
      const { runTaxonomy } = await import('../run-taxonomy.js');
      state.code = await runTaxonomy(flags);
    });
}
