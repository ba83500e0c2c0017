// Validator.plainItems: the readers for plain data (see readerAt) give the same report as the general ones on every
// sample, and the sources whose items are plain data (feed files, sheets) say so.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateAll, validateFeedSource } from '../../src/engine/validate.js';
import { validateTable } from '../../src/engine/validate-table.js';
import { Validator } from '../../src/engine/validator.js';
import { readFeedFile } from '../../src/sources/json-file.js';
import { openTable } from '../../src/sources/open-table.js';
import { SAMPLES, readJson } from '../helpers/paths.js';

type Feed = { MPItemFeedHeader?: Record<string, unknown>; MPItem: unknown[] };
const FEEDS = ['clothing-4.3-clean.json', 'clothing-4.3-errors.json', 'v5-synthetic-clean.json', 'v5-synthetic-errors.json'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Validator.plainItems', () => {
  it.each(FEEDS)('gives the same report as the general readers on %s', async (name) => {
    const feed = readJson<Feed>(`${SAMPLES}feeds/${name}`);
    const run = async (plain: boolean): Promise<unknown> => {
      const v = await Validator.create({}, feed.MPItemFeedHeader);
      if (plain) v.plainItems();
      return validateAll(v, feed.MPItem.map((data) => ({ data })), { checkHeader: true });
    };
    const general = await run(false);
    expect(await run(true)).toEqual(general);
  });

  it('is what feed files and sheets are read with', async () => {
    const spy = vi.spyOn(Validator.prototype, 'plainItems');
    await validateFeedSource('errors', await readFeedFile(`${SAMPLES}feeds/clothing-4.3-errors.json`));
    expect(spy).toHaveBeenCalledTimes(1);
    const table = await openTable(`${SAMPLES}sheets/catalog-v5-errors.csv`);
    try {
      await validateTable('catalog-v5-errors.csv', table, {});
    } finally {
      await table.close?.();
    }
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
