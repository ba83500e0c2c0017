// `catalog-gate spec import|list|verify`: manage the schemas-cache.
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';

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
}
