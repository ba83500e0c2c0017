// The page's scripts ship as plain JS, so nothing compiles them: this runs the project's tsc over them with their
// JSDoc types against the DOM, as strictly as the TypeScript sources (src/server/web/tsconfig.client.json).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../helpers/paths.js';

describe('the web page scripts', () => {
  it('type-check strictly against the DOM', () => {
    const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(REPO, 'src/server/web/tsconfig.client.json')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
