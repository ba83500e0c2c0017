// The engine around the rules: which rules attach to which spec, severity overrides, options checked
// with zod, the streaming form, and findings deduplicated against the schema's.
import { describe, expect, it } from 'vitest';
import { UsageError, validate, validateStream } from '../../src/index.js';
import type { ValidationEvent } from '../../src/index.js';
import { SAMPLES, readJson } from '../helpers/paths.js';

type Feed = { MPItemFeedHeader: Record<string, unknown>; MPItem: Array<{ Orderable: Record<string, unknown>; Visible: Record<string, Record<string, unknown>> }> };
const v5Clean = () => readJson<Feed>(`${SAMPLES}feeds/v5-synthetic-clean.json`);
const clothingClean = () => readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-clean.json`);

describe('synthetic v5 spec', () => {
  it('the clean feed has no issues at all', async () => {
    const report = await validate(v5Clean());
    expect(report.issues).toEqual([]);
  });

  it('the errors feed reports exactly its 8 documented errors: rules do not repeat the schema', async () => {
    const report = await validate(readJson(`${SAMPLES}feeds/v5-synthetic-errors.json`));
    expect(report.issues.map((i) => [i.record, i.code, i.field])).toEqual([
      [1, 'schema.multiple_of', 'price'],
      [2, 'schema.conditional_required', 'isPrimaryVariant'],
      [3, 'schema.enum', 'gender'],
      [4, 'schema.format', 'swatchImageUrl'],
      [5, 'schema.conditional_required', 'safetyDataSheet'],
      [6, 'schema.conditional_required', 'warrantyURL'],
      [7, 'schema.conditional_required', 'prop65WarningText'],
      [8, 'schema.enum', 'unit'],
    ]);
  });

  it('runs the variants pack across records', async () => {
    const feed = v5Clean();
    const tee = (n: number) => feed.MPItem[n]!.Visible['T-Shirts']!;
    tee(1).isPrimaryVariant = 'Yes';
    tee(2).color = tee(3).color;
    tee(2).clothingSize = tee(3).clothingSize;
    const report = await validate(feed);
    expect(report.issues.map((i) => [i.record, i.code])).toEqual([
      [2, 'variants.two_primaries'],
      [4, 'variants.duplicate_combination'],
    ]);
    expect(report.issues[1]?.message).toContain('record 3');
  });

  it('runs the hazmat pack where the spec has no conditional for it', async () => {
    const feed = v5Clean();
    const bank = feed.MPItem[4]!.Visible['Portable Power Banks']!;
    bank.hasBatteries = 'No';
    const report = await validate(feed);
    expect(report.issues.map((i) => [i.record, i.code, i.severity])).toEqual([[5, 'hazmat.has_batteries_contradiction', 'warning']]);
  });
});

describe('rules attach only where the spec has their attributes', () => {
  it('4.3 Clothing has warrantyURL but no has_written_warranty: the warranty rules do not run', async () => {
    const feed = clothingClean();
    feed.MPItem[0]!.Visible.Clothing!.has_written_warranty = 'Yes - Warranty URL';
    const report = await validate(feed);
    // The schema rejects the unknown attribute; no warranty rule speaks about it.
    expect(report.issues.map((i) => i.code)).toEqual(['schema.unknown_attribute']);
  });
});

describe('options', () => {
  it('rule severities can be changed or turned off, per pack or per code', async () => {
    const feed = clothingClean();
    feed.MPItem[1]!.Visible.Clothing!.isPrimaryVariant = 'Yes';
    const asWarning = await validate(feed, { rules: { packs: { variants: 'warning' } } });
    expect(asWarning.issues.map((i) => [i.code, i.severity])).toEqual([['variants.two_primaries', 'warning']]);
    const off = await validate(feed, { rules: { rules: { 'variants.two_primaries': 'off' } } });
    expect(off.issues).toEqual([]);
  });

  it('are checked: a typo is a usage error, not ignored', async () => {
    await expect(validate(clothingClean(), { specVersoin: '4.3' } as never)).rejects.toBeInstanceOf(UsageError);
    await expect(validate(clothingClean(), { rules: { packs: { variants: 'loud' } } } as never)).rejects.toThrow(/rules\.packs\.variants/);
  });
});

describe('validateStream', () => {
  it('validates items from an async iterable one by one and ends with the summary', async () => {
    const feed = clothingClean();
    async function* items() {
      for (const item of feed.MPItem) {
        await Promise.resolve();
        yield item;
      }
    }
    const events: ValidationEvent[] = [];
    for await (const ev of validateStream(items(), { feedType: 'MP_ITEM', specVersion: '4.3', header: feed.MPItemFeedHeader })) events.push(ev);
    expect(events.map((e) => e.type)).toEqual(['start', 'header', 'record', 'record', 'record', 'record', 'record', 'record', 'end']);
    const end = events.at(-1) as Extract<ValidationEvent, { type: 'end' }>;
    expect(end.summary).toEqual({ records: 6, valid: 6, invalid: 0, errors: 0, warnings: 0, infos: 0 });
  });

  it('carries source locations into issues (row, column, cell)', async () => {
    const feed = clothingClean();
    feed.MPItem[0]!.Visible.Clothing!.gender = 'Mle';
    const items = feed.MPItem.map((data, i) => ({ data, location: { sheet: 'Items', row: i + 2, columns: { gender: 'K' } } }));
    const events: ValidationEvent[] = [];
    for await (const ev of validateStream(items, { feedType: 'MP_ITEM', specVersion: '4.3', checkHeader: false })) events.push(ev);
    const rec = events.find((e) => e.type === 'record') as Extract<ValidationEvent, { type: 'record' }>;
    expect(rec.result.issues[0]).toMatchObject({ code: 'schema.enum', sheet: 'Items', row: 2, column: 'K', cell: 'K2' });
  });
});
