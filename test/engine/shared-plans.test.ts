// What Validators of one process share (the settled spec context, each product type's rule plans) and what they
// must not: each feed's rule options and its cross-record state, as a service validating many feeds needs.
import { describe, expect, it } from 'vitest';
import { validate, validateAll } from '../../src/engine/validate.js';
import { Validator } from '../../src/engine/validator.js';
import { resolveSpecContext, resolveSpecContextOnce } from '../../src/engine/spec-context.js';
import { SpecStore } from '../../src/spec/store.js';
import { SAMPLES, readJson } from '../helpers/paths.js';

type Feed = { MPItemFeedHeader: Record<string, unknown>; MPItem: unknown[] };
const errors = (): Feed => readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-errors.json`);

describe('resolveSpecContextOnce', () => {
  it('settles a spec once per store and way of naming it, as resolveSpecContext does', async () => {
    const store = new SpecStore();
    const header = errors().MPItemFeedHeader;
    const first = await resolveSpecContextOnce(store, {}, header);
    expect(first).toEqual(await resolveSpecContext(store, {}, header));
    expect(await resolveSpecContextOnce(store, {}, { ...header })).toBe(first);
    const named = await resolveSpecContextOnce(store, { feedType: 'MP_ITEM', specVersion: '4.3' }, undefined);
    expect(named).toEqual(first);
    expect(await resolveSpecContextOnce(new SpecStore(), {}, header)).not.toBe(first);
    const v5 = await resolveSpecContextOnce(store, { feedType: 'MP_ITEM', specVersion: '5.0.20261124-00_00_00-synthetic' }, undefined);
    expect(v5.version).toBe('5.0.20261124-00_00_00-synthetic');
  });

  it('does not remember a failure, nor take a channel that is an inherited property name for a feed type', async () => {
    const store = new SpecStore();
    await expect(resolveSpecContextOnce(store, { feedType: 'MP_ITEM', specVersion: '9.9' }, undefined)).rejects.toThrow(/no cached spec for MP_ITEM 9\.9/);
    await expect(resolveSpecContextOnce(store, { feedType: 'MP_ITEM', specVersion: '9.9' }, undefined)).rejects.toThrow(/no cached spec/);
    const { version } = errors().MPItemFeedHeader as { version: string };
    const plain = await resolveSpecContextOnce(store, {}, { version });
    for (const sellingChannel of ['constructor', '__proto__', 'toString']) {
      const header = { sellingChannel, version };
      const direct = await resolveSpecContext(store, {}, header).then(
        (c) => c,
        (e: unknown) => e,
      );
      const once = await resolveSpecContextOnce(store, {}, header).then(
        (c) => c,
        (e: unknown) => e,
      );
      expect(once).toEqual(direct);
    }
    expect(await resolveSpecContextOnce(store, {}, { version })).toBe(plain);
  });
});

describe('Validators sharing rule plans', () => {
  it('still honour each feed its own rule options', async () => {
    const feed = errors();
    const plain = await validate(feed);
    const off = await validate(feed, { rules: { rules: { 'variants.two_primaries': 'off' } } });
    const again = await validate(feed);
    expect(plain.issues.some((i) => i.code === 'variants.two_primaries')).toBe(true);
    expect(off.issues.some((i) => i.code === 'variants.two_primaries')).toBe(false);
    expect(again).toEqual(plain);
  });

  it('keep each feed its own cross-record state, also when two feeds run interleaved', async () => {
    const feed = errors();
    const items = feed.MPItem.map((data) => ({ data }));
    const alone = await validateAll(await Validator.create({}, feed.MPItemFeedHeader), items);
    const a = await Validator.create({}, feed.MPItemFeedHeader);
    const b = await Validator.create({}, feed.MPItemFeedHeader);
    // One record of each in turn: a SKU seen by one feed is no duplicate in the other.
    async function* interleaved(): AsyncGenerator<{ data: unknown }> {
      for (const item of items) {
        await b.record(item);
        yield item;
      }
    }
    const first = await validateAll(a, interleaved());
    b.finish();
    expect(first).toEqual(alone);
    expect(alone.issues.filter((i) => i.code === 'duplicate.sku')).toHaveLength(1);
  });
});
