#!/usr/bin/env node
// The catalog-gate command. Commands are loaded lazily, one module each; only cli/ touches argv,
// stdout and exit codes.
import { Command, CommanderError } from 'commander';
import { EXIT_FAILURE, reportFailure } from './exit.js';

const EXAMPLES = `
Examples:
  $ catalog-gate validate samples/feeds/clothing-4.3-errors.json
  $ catalog-gate validate feed.json --feed-type MP_ITEM --spec-version 4.3 --format json --out report.json
  $ catalog-gate validate catalog.xlsx --annotate catalog-checked.xlsx
  $ catalog-gate spec list
  $ catalog-gate emulator --port 8080 &
  $ catalog-gate serve --port 8080
  $ WALMART_BASE_URL=http://127.0.0.1:8080 WALMART_CLIENT_ID=id WALMART_CLIENT_SECRET=secret catalog-gate feeds list
  $ catalog-gate spec import MP_ITEM_SPEC_4.3.json --feed-type MP_ITEM --spec-version 4.3
  $ catalog-gate submit catalog.xlsx --dry-run`;

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command('catalog-gate')
    .description('Validate Walmart item feeds against Walmart\'s own item specs before you send them.')
    .option('--debug', 'print stack traces for failures')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) });
  const state = { code: 0 };
  // Each command registers its flags here and imports what it runs only when it runs.
  const { registerValidate } = await import('./commands/validate.js');
  const { registerSpec } = await import('./commands/spec.js');
  const { registerInit } = await import('./commands/init.js');
  const { registerEmulator } = await import('./commands/emulator.js');
  const { registerTaxonomy } = await import('./commands/taxonomy.js');
  const { registerFeeds } = await import('./commands/feeds.js');
  const { registerOrders } = await import('./commands/orders.js');
  const { registerSubmit } = await import('./commands/submit.js');
  const { registerServe } = await import('./commands/serve.js');
  registerValidate(program, state);
  registerSpec(program, state);
  registerInit(program, state);
  registerEmulator(program, state);
  registerTaxonomy(program, state);
  registerFeeds(program, state);
  registerOrders(program, state);
  registerSubmit(program, state);
  registerServe(program, state);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes are exit 2 per CONTRACT.md.
      return e.exitCode === 0 ? 0 : EXIT_FAILURE;
    }
    return reportFailure(e, debug);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportFailure(e, process.argv.includes('--debug'));
  },
);
