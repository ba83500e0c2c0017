// `catalog-gate emulator`: run the local Walmart API emulator until interrupted.
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';

const HELP = `
Examples:
  $ catalog-gate emulator --port 8080
  $ catalog-gate emulator --port 8080 --faults "429=0.2,503=0.1,reset=0.05" --seed 7 --processing-ms 500 --token-ttl 60
  $ WALMART_BASE_URL=http://127.0.0.1:8080 catalog-gate spec pull --feed-type MP_ITEM --spec-version 4.3 --product-type Clothing

Binds 127.0.0.1 unless --host says otherwise. Stop it with Ctrl-C.`;

export interface EmulatorCommandFlags {
  port?: string;
  host?: string;
  faults?: string;
  processingMs?: string;
  tokenTtl?: string;
  seed?: string;
  cacheDir?: string;
  feedsPerHour?: string;
}

export function registerEmulator(program: Command, state: CommandState): void {
  program
    .command('emulator')
    .description('run a local emulator of Walmart\'s item, feed, catalog and order APIs, for tests, demos and dry runs')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--faults <spec>', 'inject faults at these rates, e.g. "429=0.2,503=0.1,reset=0.05"')
    .option('--seed <n>', 'seed for the fault injection, for repeatable runs')
    .option('--processing-ms <n>', 'how long a feed takes to process')
    .option('--token-ttl <seconds>', 'lifetime of access tokens')
    .option('--cache-dir <dir>', 'schemas-cache to serve specs from (default: the bundled one)')
    .option('--feeds-per-hour <n>', 'item feed submissions allowed per hour (default 10)')
    .addHelpText('after', HELP)
    .action(async (flags: EmulatorCommandFlags) => {
      const { emulatorBanner, emulatorOptionsFromFlags, startEmulator } = await import('../../emulator/index.js');
      const emu = await startEmulator(emulatorOptionsFromFlags(flags));
      process.stdout.write(emulatorBanner(emu) + '\n');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void emu.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      state.code = 0;
    });
}
