// End to end: the CLI's findings are the same whether the feed rules keep their state in memory or spill it to
// temporary files (CATALOG_GATE_FEED_STATE_BYTES), rows and cells included, and no spill file outlives the run.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

/** The errors sample, then its rows again (repeats of everything), then again under new SKUs (repeated IDs). */
function crossRecordSheet(dir: string): string {
  const [header, ...rows] = readFileSync(join(SAMPLES, 'sheets', 'catalog-v5-errors.csv'), 'utf8').trimEnd().split('\n');
  const renamed = rows.map((row) => row.replace(/^([^,]*),([^,]*),/, (_m, type: string, sku: string) => `${type},${sku}-B,`));
  const path = join(dir, 'cross.csv');
  writeFileSync(path, [header, ...rows, ...rows, ...renamed].join('\n') + '\n');
  return path;
}

describe('feed rule state past its memory budget', () => {
  it('gives the same report spilled from the first byte as in memory, and leaves no file behind', () => {
    const dir = tempDir();
    const sheet = crossRecordSheet(dir);
    const spillRoot = tempDir();
    const inMemory = cli(['validate', sheet, '--format', 'json']);
    const spilled = cli(['validate', sheet, '--format', 'json'], { CATALOG_GATE_FEED_STATE_BYTES: '1', TMPDIR: spillRoot });
    expect(inMemory.code).toBe(1);
    expect(spilled.code).toBe(1);
    expect(spilled.stdout).toBe(inMemory.stdout);
    const codes = new Set((JSON.parse(inMemory.stdout) as { issues: Array<{ code: string }> }).issues.map((i) => i.code));
    for (const code of ['duplicate.sku', 'duplicate.product_id', 'variants.two_primaries', 'variants.duplicate_combination']) expect(codes).toContain(code);
    expect(readdirSync(spillRoot)).toEqual([]);
  });

  it('gives the same report for a JSON feed', () => {
    const feed = join(SAMPLES, 'feeds', 'clothing-4.3-errors.json');
    const spillRoot = tempDir();
    const inMemory = cli(['validate', feed, '--format', 'json']);
    const spilled = cli(['validate', feed, '--format', 'json'], { CATALOG_GATE_FEED_STATE_BYTES: '1', TMPDIR: spillRoot });
    expect(spilled.stdout).toBe(inMemory.stdout);
    expect(readdirSync(spillRoot)).toEqual([]);
  });

  it('fails with exit 2 and one line saying what to do when it cannot make its temporary files', () => {
    const notADirectory = join(tempDir(), 'file');
    writeFileSync(notADirectory, '');
    const r = cli(['validate', join(SAMPLES, 'feeds', 'clothing-4.3-errors.json'), '--format', 'json'], { CATALOG_GATE_FEED_STATE_BYTES: '1', TMPDIR: notADirectory });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('set TMPDIR to a writable directory');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
