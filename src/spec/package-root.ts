// The catalog-gate package's own directory, whether running from src/ (tests) or dist/src/ (built).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function find(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'catalog-gate') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the catalog-gate package directory');
    dir = up;
  }
}

export const PACKAGE_ROOT = find();

/** catalog-gate's version, from its package.json (SARIF's tool.driver.version, the service's /healthz). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
