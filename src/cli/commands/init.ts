// `catalog-gate init`: write a commented starter catalog-gate.config.json.
import { access, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config/config.js';
import { STARTER_CONFIG } from '../../config/starter.js';
import { UsageError } from '../../core/errors.js';
import type { CommandState } from '../command-state.js';

export function registerInit(program: Command, state: CommandState): void {
  program
    .command('init')
    .description(`write a commented starter ${CONFIG_FILE} in this directory`)
    .option('--force', 'overwrite an existing config file')
    .addHelpText('after', `\nExample:\n  $ catalog-gate init && $EDITOR ${CONFIG_FILE}`)
    .action(async (flags: { force?: boolean }) => {
      const exists = await access(CONFIG_FILE).then(
        () => true,
        () => false,
      );
      if (exists && !flags.force) throw new UsageError(`${CONFIG_FILE} already exists; pass --force to overwrite it`);
      await writeFile(CONFIG_FILE, STARTER_CONFIG);
      process.stdout.write(`Wrote ${CONFIG_FILE}. Edit it, then run: catalog-gate validate YOUR-CATALOG.xlsx\n`);
      state.code = 0;
    });
}
