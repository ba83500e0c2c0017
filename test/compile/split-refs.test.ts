// Attributes compiled as separate functions must explain errors exactly as the unsplit schema would.
import { describe, expect, it } from 'vitest';
import { explainErrors } from '../../src/compile/ajv-errors.js';
import { Compiler } from '../../src/compile/compiler.js';
import { rebaseSchemaPath } from '../../src/compile/split-refs.js';
import { feedSpec, tempCacheWith } from '../helpers/temp-cache.js';

const item = {
  type: 'object',
  properties: {
    Orderable: {
      type: 'object',
      properties: {
        dims: { title: 'Dimensions', type: 'object', properties: { w: { title: 'Width', type: 'number', anyOf: [{ minimum: 5 }, { maximum: 1 }] } }, required: ['w'] },
        tags: { title: 'Tags', type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        kind: { title: 'Kind', type: 'string' },
        extra: { title: 'Extra', type: 'string' },
      },
      allOf: [{ if: { properties: { kind: { enum: ['big'] } }, required: ['kind'] }, then: { required: ['extra'] } }],
    },
  },
};

describe('per-attribute compilation', () => {
  it('maps errors inside attributes back to the original schema', async () => {
    const { store, entries } = await tempCacheWith(feedSpec(item));
    const spec = await new Compiler(store, { diskCache: false }).get(entries[0]!);
    const data = { Orderable: { dims: { w: 3 }, tags: ['a', 'c'], kind: 'big' } };
    expect(spec.validateItem(data)).toBe(false);
    const paths = (spec.validateItem.errors ?? []).map((e) => rebaseSchemaPath(e, spec.split));
    expect(paths).toContain('#/properties/Orderable/properties/tags/items/enum');
    const findings = explainErrors(spec.validateItem.errors ?? [], data, spec.itemSchema, (e) => rebaseSchemaPath(e, spec.split));
    expect(findings.map((f) => [f.code, f.segments.join('.'), f.title])).toEqual([
      ['schema.conditional_required', 'Orderable.extra', 'Extra'],
      ['schema.too_small', 'Orderable.dims.w', 'Width'],
      ['schema.enum', 'Orderable.tags.1', 'Tags'],
    ]);
    expect(findings[0]?.params.triggers).toEqual([{ field: 'kind', title: 'Kind', value: 'big' }]);
  });
});
