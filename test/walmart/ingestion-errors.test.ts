// Ingestion errors read from every shape Walmart sends them in, and from junk without throwing: the
// documented wrapper, a bare list, one object, a whole item status, and hostile or huge bodies.
import { describe, expect, it } from 'vitest';
import { INGESTION_TEXT_LIMITS, parseIngestionErrors } from '../../src/walmart/ingestion-errors.js';

const fabric = { type: 'DATA_ERROR', code: 'EXT_DATA_ERROR_72600149546850', field: 'materialName', description: '`Fabric Material Name` is a required attribute.' };
const parsedFabric = { type: 'DATA_ERROR', code: 'EXT_DATA_ERROR_72600149546850', field: 'materialName', description: '`Fabric Material Name` is a required attribute.' };

describe('parseIngestionErrors', () => {
  it('reads the documented {ingestionError: [...]} wrapper (doc 003)', () => {
    const doc003 = JSON.parse(
      `{ "ingestionErrors": { "ingestionError": [ { "type": "DATA_ERROR", "code": "EXT_DATA_ERROR_50716566635066", "field": "pieceCount", "description": "value provided is not valid data type for 'pieceCount' field. Enter a valid value in the required data type 'Number'." } ] } }`,
    ) as { ingestionErrors: unknown };
    expect(parseIngestionErrors(doc003.ingestionErrors)).toEqual([
      {
        type: 'DATA_ERROR',
        code: 'EXT_DATA_ERROR_50716566635066',
        field: 'pieceCount',
        description: "value provided is not valid data type for 'pieceCount' field. Enter a valid value in the required data type 'Number'.",
      },
    ]);
  });

  it('reads a bare list, a single object, and a wrapper around a single object', () => {
    expect(parseIngestionErrors([fabric, fabric])).toEqual([parsedFabric, parsedFabric]);
    expect(parseIngestionErrors(fabric)).toEqual([parsedFabric]);
    expect(parseIngestionErrors({ ingestionError: fabric })).toEqual([parsedFabric]);
  });

  it('reads a whole item status, unwrapping ingestionErrors then ingestionError', () => {
    expect(parseIngestionErrors({ ingestionErrors: { ingestionError: [fabric] } })).toEqual([parsedFabric]);
    expect(parseIngestionErrors({ ingestionErrors: [fabric] })).toEqual([parsedFabric]);
  });

  it('keeps errors with only a code or only a description, and leaves out absent parts', () => {
    expect(parseIngestionErrors([{ code: 'ERR_PDI_0001' }])).toEqual([{ code: 'ERR_PDI_0001' }]);
    expect(parseIngestionErrors([{ description: 'Something went wrong.' }])).toEqual([{ code: 'UNKNOWN', description: 'Something went wrong.' }]);
    const [e] = parseIngestionErrors([{ code: 'X', field: '', description: '   ', type: null }]);
    expect(e).toEqual({ code: 'X' });
    expect(Object.keys(e ?? {})).toEqual(['code']);
  });

  it('reads numeric codes as text and trims whitespace', () => {
    expect(parseIngestionErrors([{ code: 4001, field: ' sku ', description: ' stale ' }])).toEqual([{ code: '4001', field: 'sku', description: 'stale' }]);
  });

  it('returns nothing for empty or absent input', () => {
    for (const raw of [undefined, null, [], {}, { ingestionError: [] }, { ingestionError: null }, { ingestionErrors: null }, '', 0]) {
      expect(parseIngestionErrors(raw), JSON.stringify(raw)).toEqual([]);
    }
  });

  it('drops junk entries without throwing', () => {
    const junk: unknown[] = [
      1,
      null,
      'text',
      true,
      [],
      [[fabric]],
      { code: { nested: 'x' }, description: ['a'] },
      { code: Number.NaN },
      { code: Infinity, description: {} },
      { field: 'sku', type: 'DATA_ERROR' },
      () => 'f',
      Symbol('s'),
      fabric,
    ];
    expect(parseIngestionErrors(junk)).toEqual([parsedFabric]);
    expect(parseIngestionErrors({ ingestionError: 42 })).toEqual([]);
    expect(parseIngestionErrors({ ingestionError: 'ERR_PDI_0001' })).toEqual([]);
  });

  it('never reads a prototype: __proto__ keys from JSON and crafted prototypes supply nothing', () => {
    const fromJson = JSON.parse('[{"__proto__": {"code": "EVIL", "description": "polluted"}}, {"code": "OK", "__proto__": {"field": "evil"}}]') as unknown;
    const parsed = parseIngestionErrors(fromJson);
    expect(parsed).toEqual([{ code: 'OK' }]);
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
    expect(({} as Record<string, unknown>)['field']).toBeUndefined();

    const crafted = Object.create({ code: 'INHERITED', description: 'from the prototype' }) as object;
    expect(parseIngestionErrors([crafted])).toEqual([]);
    const wrapper = Object.create({ ingestionError: [fabric] }) as object;
    expect(parseIngestionErrors(wrapper)).toEqual([]);
    const wrappedProto = JSON.parse('{"__proto__": {"ingestionError": [{"code": "EVIL"}]}}') as unknown;
    expect(parseIngestionErrors(wrappedProto)).toEqual([]);
  });

  it('stops unwrapping after a few levels instead of following a deep nest', () => {
    let deep: unknown = [fabric];
    for (let i = 0; i < 10_000; i++) deep = { ingestionError: deep };
    expect(parseIngestionErrors(deep)).toEqual([]);
  });

  it('cuts hostile lengths and reads a huge list whole', () => {
    const huge = 'x'.repeat(5_000_000);
    const [e] = parseIngestionErrors([{ code: huge, field: huge, description: huge, type: huge }]);
    expect(e?.code.length).toBe(INGESTION_TEXT_LIMITS.code);
    expect(e?.field?.length).toBe(INGESTION_TEXT_LIMITS.field);
    expect(e?.description?.length).toBe(INGESTION_TEXT_LIMITS.description);
    expect(e?.type?.length).toBe(INGESTION_TEXT_LIMITS.type);
    expect(e?.description?.endsWith('…')).toBe(true);

    const many = Array.from({ length: 200_000 }, (_, i) => ({ type: 'DATA_ERROR', code: `C${i}`, field: 'sku', description: 'd' }));
    const parsed = parseIngestionErrors({ ingestionError: many });
    expect(parsed).toHaveLength(200_000);
    expect(parsed[199_999]).toEqual({ type: 'DATA_ERROR', code: 'C199999', field: 'sku', description: 'd' });
  });
});
