// The images pack over one record at a time: main, additional and swatch image URLs, placed by their array index.
import { describe, expect, it } from 'vitest';
import type { FakeRecordOptions } from '../helpers/record-view.js';
import type { RecordRule, RecordView } from '../../src/core/rule.js';
import images from '../../rules/images/index.js';
import { fakeRecord } from '../helpers/record-view.js';

const TITLES = {
  mainImageUrl: 'Main Image URL',
  productSecondaryImageURL: 'Additional Image URL',
  swatchImages: 'Swatch Images',
};

/** Whether the engine would attach the rule to this record's spec. */
function attaches(rule: RecordRule, record: RecordView): boolean {
  const anyOf = rule.needsAnyOf;
  return rule.needs.every((a) => record.defines(a)) && (anyOf === undefined || anyOf.some((a) => record.defines(a)));
}

/** Runs the whole pack, as the engine would, and renders each finding's words. */
function run(values: Record<string, unknown>, options: FakeRecordOptions = {}) {
  const record = fakeRecord(values, { titles: TITLES, ...options });
  const titleOf = (a: string) => record.title(a);
  return images
    .filter((r): r is RecordRule => r.scope === 'record')
    .filter((rule) => attaches(rule, record) && (rule.when?.(record) ?? true))
    .flatMap((rule) =>
      rule.check(record).map((f) => ({
        code: f.code ?? rule.id,
        severity: f.severity ?? rule.severity,
        attribute: f.attribute,
        subPath: f.subPath,
        message: rule.message(f, titleOf),
        hint: rule.hint?.(f, titleOf) ?? '',
      })),
    );
}

const main = (url: string) => ({ mainImageUrl: url });
const secondary = (...urls: unknown[]) => ({ mainImageUrl: 'https://cdn.example.com/front.jpg', productSecondaryImageURL: urls });
const swatch = (url: unknown) => ({
  mainImageUrl: 'https://cdn.example.com/front.jpg',
  swatchImages: [
    { swatchVariantAttribute: 'color', swatchImageUrl: 'https://cdn.example.com/blue.jpg' },
    { swatchVariantAttribute: 'color', swatchImageUrl: url },
  ],
});

describe('images pack', () => {
  it('is record rules in the pack, attaching only where the spec has an image attribute', () => {
    for (const rule of images) {
      expect(rule.scope).toBe('record');
      expect(rule.pack).toBe('images');
      expect(rule.id).toMatch(/^images\.[a-z0-9_]+$/);
      expect([...rule.needs, ...(rule.needsAnyOf ?? [])].length).toBeGreaterThan(0);
    }
    expect(run({ productName: 'Shirt' })).toEqual([]);
  });

  it.each([
    ['a Walmart CDN .jpg', main('https://i5.walmartimages.com/asr/51FoC6Pg3OL.jpg')],
    ['an upper-case .JPEG with a square size in the query', main('https://i5.walmartimages.com/asr/a.JPEG?odnHeight=2200&odnWidth=2200&odnBg=FFFFFF')],
    ['a square size in the file name', main('https://cdn.example.com/shirt_2200x2200.jpg')],
    ['a width without a height', main('https://cdn.example.com/shirt.jpg?w=800')],
    ['digits that only look like a size', main('https://cdn.example.com/ab12x34cd.jpg')],
    ['a fragment after the file name', main('https://cdn.example.com/shirt.jpg#zoom')],
    ['a scheme other than http, left to the schema', main('ftp://cdn.example.com/shirt.jpg')],
    ['good additional images', secondary('https://cdn.example.com/1.jpg', 'https://cdn.example.com/2.jpeg')],
    ['a good swatch', swatch('https://cdn.example.com/red.jpg')],
    ['additional images that are not a list, left to the schema', { mainImageUrl: 'https://cdn.example.com/a.jpg', productSecondaryImageURL: 'http://x/a b' }],
    ['list items that are not text, left to the schema', secondary(42, null, '')],
    ['a swatch URL that is not text', swatch(7)],
  ])('passes %s', (_case, values) => {
    expect(run(values)).toEqual([]);
  });

  it('checks only the attributes the spec defines', () => {
    expect(run(main('http://cdn.example.com/a b.png'), { defines: ['productSecondaryImageURL'] })).toEqual([]);
  });

  it.each([
    // case, values, code, severity, attribute, subPath, message must contain, hint must contain
    ['a space inside', main('https://cdn.example.com/my shirt.jpg'), 'image.whitespace', 'error', 'mainImageUrl', undefined, ['Main Image URL "https://cdn.example.com/my shirt.jpg"', 'a space inside'], ['Use https://cdn.example.com/my%20shirt.jpg']],
    ['a space at the start', main(' https://cdn.example.com/shirt.jpg'), 'image.whitespace', 'error', 'mainImageUrl', undefined, ['at the start or end'], ['Use https://cdn.example.com/shirt.jpg:']],
    ['a line break at the end', secondary('https://cdn.example.com/1.jpg', 'https://cdn.example.com/2.jpg\n'), 'image.whitespace', 'error', 'productSecondaryImageURL', '1', ['Additional Image URL #2', '"https://cdn.example.com/2.jpg\\n"', 'blank space at the start or end'], ['https://cdn.example.com/2.jpg']],
    ['a tab in a swatch', swatch('https://cdn.example.com/red\t.jpg'), 'image.whitespace', 'error', 'swatchImages', '1.swatchImageUrl', ['Swatch Image URL of Swatch Images #2', '\\t', 'invisible character'], ['https://cdn.example.com/red.jpg']],
    ['http', main('http://cdn.example.com/shirt.jpg'), 'image.not_https', 'warning', 'mainImageUrl', undefined, ['"http://cdn.example.com/shirt.jpg"', 'https'], ['https://cdn.example.com/shirt.jpg']],
    ['upper-case HTTP', secondary('HTTP://cdn.example.com/1.jpg'), 'image.not_https', 'warning', 'productSecondaryImageURL', '0', ['Additional Image URL #1'], ['https://cdn.example.com/1.jpg']],
    ['no extension', main('https://cdn.example.com/images/12345'), 'image.no_extension', 'warning', 'mainImageUrl', undefined, ['"https://cdn.example.com/images/12345"', 'does not end in an image file type'], ['.jpg']],
    ['a page, whatever the query says', main('https://cdn.example.com/view.php?file=shirt.jpg'), 'image.no_extension', 'warning', 'mainImageUrl', undefined, ['ends in .php'], ['Link to the image file itself']],
    ['only a host', main('https://images.example.com'), 'image.no_extension', 'warning', 'mainImageUrl', undefined, ['"https://images.example.com"'], ['.jpg']],
    ['a .png', main('https://cdn.example.com/shirt.png'), 'image.not_jpg', 'info', 'mainImageUrl', undefined, ['"https://cdn.example.com/shirt.png"', '.png', '.jpg'], ['JPEG (.jpg)']],
    ['a .webp with a query', secondary('https://cdn.example.com/1.jpg', 'https://cdn.example.com/2.WEBP?v=3'), 'image.not_jpg', 'info', 'productSecondaryImageURL', '1', ['.webp'], ['.jpg']],
    ['a size in the file name', main('https://cdn.example.com/shirt_800x600.jpg'), 'image.not_square', 'warning', 'mainImageUrl', undefined, ['"https://cdn.example.com/shirt_800x600.jpg"', '800×600', 'file name', 'not square'], ['2200×2200']],
    ['odnWidth and odnHeight', main('https://i5.walmartimages.com/asr/a.jpeg?odnHeight=450&odnWidth=800'), 'image.not_square', 'warning', 'mainImageUrl', undefined, ['800×450', 'query'], ['2200×2200']],
    ['w and h', secondary('https://cdn.example.com/1.jpg?w=800&h=600'), 'image.not_square', 'warning', 'productSecondaryImageURL', '0', ['800×600'], ['square']],
    ['a swatch with a size', swatch('https://cdn.example.com/red-100x50.jpg'), 'image.not_square', 'warning', 'swatchImages', '1.swatchImageUrl', ['Swatch Images #2', '100×50'], ['2200×2200']],
  ])('%s: %s', (_case, values, code, severity, attribute, subPath, inMessage, inHint) => {
    const findings = run(values);
    expect(findings.map((f) => f.code)).toEqual([code]);
    const [finding] = findings;
    expect(finding).toMatchObject({ severity, attribute });
    expect(finding?.subPath).toBe(subPath);
    for (const words of inMessage) expect(finding?.message).toContain(words);
    for (const words of inHint) expect(finding?.hint).toContain(words);
  });

  it('reports each problem of one URL under its own code', () => {
    const findings = run(secondary('https://cdn.example.com/ok.jpg', 'http://cdn.example.com/my shirt_800x600.png'));
    expect(findings.map((f) => [f.code, f.subPath])).toEqual([
      ['image.whitespace', '1'],
      ['image.not_https', '1'],
      ['image.not_jpg', '1'],
      ['image.not_square', '1'],
    ]);
  });

  describe('image.main_missing', () => {
    it.each([
      ['empty', { mainImageUrl: '' }, {}],
      ['blank', { mainImageUrl: '   ' }, {}],
      ['absent from the record', {}, { defines: ['mainImageUrl'] }],
    ])('warns when Main Image URL is %s and optional', (_case, values, options: FakeRecordOptions) => {
      const findings = run(values, options);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ code: 'image.main_missing', severity: 'warning', attribute: 'mainImageUrl' });
      expect(findings[0]?.subPath).toBeUndefined();
      expect(findings[0]?.message).toContain('Main Image URL is empty');
      expect(findings[0]?.hint).toContain('2200×2200');
    });

    it.each([
      ['required: the schema reports it', {}, { defines: ['mainImageUrl'], requires: ['mainImageUrl'] }],
      ['not in the spec', { productSecondaryImageURL: ['https://cdn.example.com/1.jpg'] }, {}],
      ['given', main('https://cdn.example.com/front.jpg'), {}],
    ])('is silent when Main Image URL is %s', (_case, values, options: FakeRecordOptions) => {
      expect(run(values, options)).toEqual([]);
    });
  });
});
