// A feed's records need not come in runs of one product type: the validator remembers the last ready product type's
// plan (recordNow), and records of another type, of an unknown one, or with none between them get their own answers.
import { describe, expect, it } from 'vitest';
import { validItems } from '../../bench/data.js';
import { Validator } from '../../src/engine/validator.js';

const MP_ITEM_43 = { feedType: 'MP_ITEM', specVersion: '4.3' } as const;

function withType(item: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const visible = item.Visible as Record<string, unknown>;
  return { ...item, Visible: { [to]: visible[from] } };
}

describe('records of several product types in one feed', () => {
  it('answers each record as a validator given that record alone does', async () => {
    const clothing = validItems(6, 7) as Array<Record<string, unknown>>;
    const items: unknown[] = [
      clothing[0],
      withType(clothing[1]!, 'Clothing', 'Clothng'),
      clothing[2],
      withType(clothing[3]!, 'Clothing', 'Animal Accessories'),
      withType(clothing[4]!, 'Clothing', 'Animal Accessories'),
      { Orderable: {}, Visible: {} },
      clothing[5],
      withType(clothing[0]!, 'Clothing', 'Clothng'),
    ];
    const v = await Validator.create(MP_ITEM_43);
    const together = [];
    for (let i = 0; i < items.length; i++) together.push(await v.record({ data: items[i] }, i + 1));
    for (let i = 0; i < items.length; i++) {
      const alone = await Validator.create(MP_ITEM_43);
      const r = await alone.record({ data: items[i] }, i + 1);
      const mine = together[i]!;
      expect({ productType: mine.productType, sku: mine.sku, codes: mine.issues.map((x) => x.code) }, `record ${i + 1}`).toEqual({ productType: r.productType, sku: r.sku, codes: r.issues.map((x) => x.code) });
    }
    expect(together.map((r) => r.productType)).toEqual(['Clothing', 'Clothng', 'Clothing', 'Animal Accessories', 'Animal Accessories', undefined, 'Clothing', 'Clothng']);
    expect(together[1]!.issues.map((x) => x.code)).toEqual(['record.unknown_product_type']);
    expect(together[7]!.issues.map((x) => x.code)).toEqual(['record.unknown_product_type']);
    expect(together[3]!.issues.length).toBeGreaterThan(0);
  });
});
