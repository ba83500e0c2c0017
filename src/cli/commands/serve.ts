// `catalog-gate serve`: the validation service (HTTP API and web page) until interrupted.
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';

const HELP = `
Examples:
  $ catalog-gate serve --port 8080
  $ curl -s -X POST 'http://127.0.0.1:8080/v1/validate?feedType=MP_ITEM&specVersion=4.3' \\
      -H 'Content-Type: application/json' --data-binary @samples/feeds/clothing-4.3-errors.json
  $ curl -s -F file=@samples/sheets/catalog-v5-errors.xlsx 'http://127.0.0.1:8080/v1/validate/file'
  $ curl -s -F file=@catalog.xlsx -o catalog-checked.xlsx 'http://127.0.0.1:8080/v1/validate/file?format=xlsx'
  $ CATALOG_GATE_TOKEN=$(openssl rand -hex 24) catalog-gate serve --host 0.0.0.0 --port 8080
  $ curl -s -H "Authorization: Bearer $CATALOG_GATE_TOKEN" http://server:8080/v1/specs

Open http://127.0.0.1:8080/ for the web page; GET /openapi.json describes the API.
Binds 127.0.0.1 unless --host says otherwise; any other address needs a token (--token or, better,
CATALOG_GATE_TOKEN, which other users cannot see in the process list). Stop it with Ctrl-C.`;

export interface ServeFlags {
  port: string;
  host: string;
  token?: string;
  config?: string;
  cacheDir?: string;
  workers?: string;
  maxFileMb?: string;
  maxBodyMb?: string;
  maxRows?: string;
  timeout?: string;
  log?: boolean;
}

export function registerServe(program: Command, state: CommandState): void {
  program
    .command('serve')
    .description('run the validation service: an HTTP API for PIM hooks and a web page for spreadsheets')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--token <token>', 'API token required as "Authorization: Bearer <token>" on /v1/* (default: $CATALOG_GATE_TOKEN)')
    .option('--config <file>', 'config file: rules, column names, defaults (default: catalog-gate.config.json here, if any)')
    .option('--cache-dir <dir>', 'schemas-cache directory (default: the bundled one)')
    .option('--workers <n>', 'validation worker threads (default: one per CPU, at least 2)')
    .option('--max-file-mb <n>', 'largest spreadsheet accepted, in MB (default: 64)')
    .option('--max-body-mb <n>', 'largest JSON body accepted, in MB (default: 16)')
    .option('--max-rows <n>', 'most records or rows validated in one request (default: 100000)')
    .option('--timeout <seconds>', 'time limit for one request (default: 120)')
    .option('--log', 'print one line per request (method, path, status, time) on stderr')
    .addHelpText('after', HELP)
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('../run-serve.js');
      state.code = await runServe(flags);
    });
}
