// validateAll, the CLI's loop without events, gives the report the streaming form gives, header issues, per-record
// and cross-record findings included, over synchronous and asynchronous items alike.
import { describe, expect, it, vi } from 'vitest';
import { Compiler } from '../../src/compile/compiler.js';
import { Validator } from '../../src/engine/validator.js';
import { collect, validateAll, validateWith } from '../../src/engine/validate.js';
import type { InputItem } from '../../src/core/record.js';
import { SAMPLES, readJson } from '../helpers/paths.js';

type Feed = { MPItemFeedHeader: Record<string, unknown>; MPItem: unknown[] };

async function* slowly(items: readonly InputItem[]): AsyncGenerator<InputItem> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('validateAll', () => {
  for (const name of ['clothing-4.3-errors.json', 'v5-synthetic-errors.json', 'clothing-4.3-clean.json']) {
    it(`reports ${name} exactly as collect(validateWith(…)) does`, async () => {
      const feed = readJson<Feed>(`${SAMPLES}feeds/${name}`);
      const header = { ...feed.MPItemFeedHeader };
      const items = feed.MPItem.map((data) => ({ data }));
      const streamed = await collect(validateWith(await Validator.create({}, header), items, { checkHeader: true }));
      const ticks: number[] = [];
      const sync = await validateAll(await Validator.create({}, header), items, { checkHeader: true, onRecord: (n) => ticks.push(n) });
      const async = await validateAll(await Validator.create({}, header), slowly(items), { checkHeader: true });
      expect(sync).toEqual(streamed);
      expect(async).toEqual(streamed);
      expect(ticks).toEqual(items.map((_, i) => i + 1));
    });
  }

  it('adds the input-wide issues after the records, and counts them', async () => {
    const feed = readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-clean.json`);
    const feedIssue = { code: 'source.unknown_column', severity: 'warning' as const, record: 0, path: '', field: '', message: 'Column X matches nothing.' };
    const report = await validateAll(await Validator.create({}, feed.MPItemFeedHeader), feed.MPItem.map((data) => ({ data })), { checkHeader: false, feedIssues: () => [feedIssue] });
    expect(report.issues).toEqual([feedIssue]);
    expect(report.summary.warnings).toBe(1);
  });

  it('checks the header with the spec the first item loaded, loading no other product type, and puts its issues first', async () => {
    const feed = readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-errors.json`);
    // A wrong version and a wrong field: both header issues, as checked before any item (validateWith, with the spec's
    // first product type) and after the first (validateAll, with Clothing's).
    const header = { ...feed.MPItemFeedHeader, version: '9.9', processMode: 7 };
    const items = feed.MPItem.map((data) => ({ data }));
    const streamed = await collect(validateWith(await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3', header }), items, { checkHeader: true }));
    const get = vi.spyOn(Compiler.prototype, 'get');
    try {
      const report = await validateAll(await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3', header }), items, { checkHeader: true });
      expect(report).toEqual(streamed);
      expect(report.issues.slice(0, 2).map((i) => [i.record, i.code])).toEqual([
        [0, 'header.version_mismatch'],
        [0, 'schema.type'],
      ]);
      expect(new Set(get.mock.calls.map(([entry]) => entry.productType))).toEqual(new Set(['Clothing']));
    } finally {
      get.mockRestore();
    }
  });

  it('checks the header of a feed without items', async () => {
    const feed = readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-errors.json`);
    const report = await validateAll(await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3', header: { ...feed.MPItemFeedHeader, version: '9.9' } }), [], { checkHeader: true });
    expect(report.issues.map((i) => i.code)).toEqual(['header.version_mismatch']);
  });
});
