// Runs the built catalog-gate CLI as a user would, capturing its output and exit code.
import { spawnSync } from 'node:child_process';
import { CLI, REPO } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd: string = REPO): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
