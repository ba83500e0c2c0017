// `catalog-gate spec import|list|verify|pull|diff`: manage the schemas-cache.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';
import type { SpecDiffFlags } from '../run-spec-diff.js';
import type { SpecPullFlags } from '../run-spec-pull.js';

export interface SpecImportFlags {
  feedType: string;
  specVersion: string;
  synthetic?: boolean;
  cacheDir?: string;
}

export function registerSpec(program: Command, state: CommandState): void {
  const spec = program.command('spec').description('manage the cached Walmart item specs (schemas-cache/)');
  spec
    .command('import')
    .description('add a spec file to the cache; a full spec is split into one entry per product type')
    .argument('<file>', 'a Walmart item spec (JSON Schema), full or for one product type')
    .requiredOption('--feed-type <type>', 'feed type, e.g. MP_ITEM')
    .requiredOption('--spec-version <version>', 'spec version as Walmart names it, e.g. 4.3')
    .option('--synthetic', 'mark the entries as authored here, not published by Walmart')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addHelpText('after', '\nExample:\n  $ catalog-gate spec import MP_ITEM_SPEC_4.3.json --feed-type MP_ITEM --spec-version 4.3')
    .action(async (file: string, flags: SpecImportFlags) => {
      const { runSpecImport } = await import('../run-spec.js');
      state.code = await runSpecImport(file, flags);
    });
  spec
    .command('list')
    .description('show the cached specs, their source and whether their hashes check out')
    .option('--product-types', 'list every product type')
    .option('--json', 'print the lockfile entries as JSON')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addHelpText('after', '\nExamples:\n  $ catalog-gate spec list\n  $ catalog-gate spec list --product-types')
    .action(async (flags: { productTypes?: boolean; json?: boolean; cacheDir?: string }) => {
      const { runSpecList } = await import('../run-spec.js');
      state.code = await runSpecList(flags);
    });
  spec
    .command('verify')
    .description('check every cached spec against its lockfile hash; exit 1 if any was changed or is missing')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addHelpText('after', '\nExample:\n  $ catalog-gate spec verify')
    .action(async (flags: { cacheDir?: string }) => {
      const { runSpecVerify } = await import('../run-spec.js');
      state.code = await runSpecVerify(flags);
    });
  spec
    .command('pull')
    .description('fetch specs for product types from Walmart (Get Spec) into the cache; types already cached are not requested again')
    .requiredOption('--feed-type <type>', 'feed type, e.g. MP_ITEM')
    .requiredOption('--spec-version <version>', 'spec version as Walmart names it, e.g. 4.3')
    .requiredOption('--product-type <type>', 'a product type; repeat for more (up to 20 go in one request)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--base-url <url>', 'Walmart API base URL (default: WALMART_BASE_URL, else Walmart\'s marketplace API)')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ catalog-gate spec pull --feed-type MP_ITEM --spec-version 4.3 --product-type Clothing --product-type Footwear
  $ WALMART_BASE_URL=http://127.0.0.1:8080 catalog-gate spec pull --feed-type MP_ITEM --spec-version 4.3 --product-type Toys --cache-dir ./schemas-cache

Needs WALMART_CLIENT_ID and WALMART_CLIENT_SECRET. Exit 1 when Walmart rejected a product type, 2 on a network or auth failure.`,
    )
    .action(async (flags: SpecPullFlags) => {
      const { runSpecPull } = await import('../run-spec-pull.js');
      state.code = await runSpecPull(flags);
    });
  spec
    .command('diff')
    .description('what changed between two cached spec versions per product type; with FILE, which records the newer version rejects')
    .argument('<feed-type>', 'feed type, e.g. MP_ITEM')
    .argument('<v1>', 'the older spec version')
    .argument('<v2>', 'the newer spec version')
    .argument('[file]', 'a JSON feed to validate against <v2>')
    .option('--product-type <type>', 'compare only this product type')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .addHelpText(
      'after',
      `
Examples:
  $ catalog-gate spec diff MP_ITEM 4.2 4.3 --product-type Clothing
  $ catalog-gate spec diff MP_ITEM 4.2 4.3 --product-type Clothing feed.json --format json`,
    )
    .action(async (feedType: string, v1: string, v2: string, file: string | undefined, flags: SpecDiffFlags) => {
      const { runSpecDiff } = await import('../run-spec-diff.js');
      state.code = await runSpecDiff(feedType, v1, v2, file, flags);
    });
}
