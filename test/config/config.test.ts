// The config file: JSON with comments, checked with zod, and the starter that init writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, validateConfig } from '../../src/config/config.js';
import { stripJsonComments } from '../../src/config/jsonc.js';
import { STARTER_CONFIG } from '../../src/config/starter.js';
import { tempDir } from '../helpers/temp-cache.js';

describe('config', () => {
  it('the starter parses and validates', () => {
    expect(validateConfig(JSON.parse(stripJsonComments(STARTER_CONFIG)), 'starter')).toMatchObject({ feedType: 'MP_ITEM', specVersion: '4.3', failOn: 'error' });
  });

  it('keeps comment-like text inside strings', () => {
    expect(JSON.parse(stripJsonComments('{"a": "http://x/*y*/", // c\n "b": [1,2,],}'))).toEqual({ a: 'http://x/*y*/', b: [1, 2] });
  });

  it('rejects unknown settings and bad severities with the path', () => {
    expect(() => validateConfig({ feedtype: 'MP_ITEM' }, 'c.json')).toThrow(/c\.json: \(top level\)/);
    expect(() => validateConfig({ rules: { packs: { images: 'loud' } } }, 'c.json')).toThrow(/rules\.packs\.images/);
  });

  it('reads catalog-gate.config.json from the working directory, or nothing', async () => {
    const dir = tempDir();
    expect(await readConfig(undefined, dir)).toEqual({});
    writeFileSync(join(dir, 'catalog-gate.config.json'), '{ // mine\n "sheet": "Items" }');
    expect(await readConfig(undefined, dir)).toEqual({ sheet: 'Items' });
    await expect(readConfig(join(dir, 'missing.json'), dir)).rejects.toThrow(/no such file/);
  });
});
