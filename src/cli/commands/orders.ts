// `catalog-gate orders list|get`: purchase orders from Walmart's order API.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';
import type { OrdersGetFlags, OrdersListFlags } from '../run-orders.js';

const ENV = '\nNeeds WALMART_CLIENT_ID and WALMART_CLIENT_SECRET (and WALMART_BASE_URL or --base-url for anything but Walmart\'s marketplace API).';
const BASE_URL = ['--base-url <url>', 'Walmart API base URL (default: WALMART_BASE_URL, else Walmart\'s marketplace API)'] as const;

export function registerOrders(program: Command, state: CommandState): void {
  const orders = program.command('orders').description('list or show purchase orders');
  orders
    .command('list')
    .description('list purchase orders, newest first as Walmart returns them')
    .option('--created-start-date <date>', 'only orders created on or after this date (ISO 8601)')
    .option('--created-end-date <date>', 'only orders created before this date (ISO 8601)')
    .option('--status <status>', 'only orders in this status')
    .option('--sku <sku>', 'only orders with a line for this SKU')
    .option('--limit <n>', 'at most this many orders (default 100)')
    .option(...BASE_URL)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addHelpText('after', `\nExamples:\n  $ catalog-gate orders list --created-start-date 2026-11-01 --limit 20\n  $ catalog-gate orders list --status open --sku NT-TEE-BLA-L --format csv > orders.csv\n${ENV}`)
    .action(async (flags: OrdersListFlags) => {
      const { runOrdersList } = await import('../run-orders.js');
      state.code = await runOrdersList(flags);
    });
  orders
    .command('get')
    .description('one purchase order, as JSON')
    .argument('<po-id>', 'the purchase order ID')
    .option(...BASE_URL)
    .addHelpText('after', `\nExample:\n  $ catalog-gate orders get 1234567890\n${ENV}`)
    .action(async (poId: string, flags: OrdersGetFlags) => {
      const { runOrdersGet } = await import('../run-orders.js');
      state.code = await runOrdersGet(poId, flags);
    });
}
