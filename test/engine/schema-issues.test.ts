// A rejected item's schema issues, remembered per place: whatever a feed repeats, the issues (and the order of their
// properties, which the JSON report writes) are the ones explainErrors and messages.ts give for the item afresh.
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { explainErrors } from '../../src/compile/ajv-errors.js';
import { Compiler } from '../../src/compile/compiler.js';
import type { CompiledSpec } from '../../src/compile/compiler.js';
import { rebaseSchemaPath } from '../../src/compile/split-refs.js';
import type { Issue } from '../../src/core/issue.js';
import { schemaWords, withTriggers } from '../../src/engine/messages.js';
import { schemaIssues } from '../../src/engine/schema-issues.js';
import { SpecStore } from '../../src/spec/store.js';
import { readJson, SAMPLES } from '../helpers/paths.js';
import { feedSpec, tempCacheWith } from '../helpers/temp-cache.js';

type Item = { Orderable: Record<string, unknown>; Visible: Record<string, Record<string, unknown>> };
type Feed = { MPItem: Item[] };

const compiler = new Compiler(new SpecStore());

async function specOf(feedType: string, version: string, productType: string): Promise<CompiledSpec> {
  const entry = await new SpecStore().resolve({ feedType, version, productType });
  if (entry === undefined) throw new Error(`no ${productType} in ${feedType} ${version}`);
  return compiler.get(entry);
}

/** What the validator made of a rejected item before places were remembered: every error explained and worded afresh. */
function afresh(compiled: CompiledSpec, item: unknown, index: number, sku: string | undefined, productType: string): Issue[] {
  const rebase = (e: ErrorObject): string => rebaseSchemaPath(e, compiled.split);
  return explainErrors(compiled.validateItem.errors ?? [], item, compiled.itemSchema, rebase).map((f) => {
    const words = withTriggers(schemaWords(f), f);
    return {
      code: f.code,
      severity: 'error',
      record: index,
      ...(sku === undefined ? {} : { sku }),
      path: f.segments.join('.'),
      field: f.field,
      message: words.message,
      ...(words.hint === undefined ? {} : { hint: words.hint }),
      productType,
    };
  });
}

/** The item's issues both ways, as JSON text (so the order of properties counts too); several times over. */
function expectSameIssues(compiled: CompiledSpec, item: unknown, productType: string, rounds = 3): string[] {
  const seen: string[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const sku of ['SKU-1', undefined]) {
      expect(compiled.validateItem(item)).toBe(false);
      const reference = JSON.stringify(afresh(compiled, item, r + 1, sku, productType));
      expect(compiled.validateItem(item)).toBe(false);
      const remembered = JSON.stringify(schemaIssues(compiled, item, r + 1, sku, productType));
      expect(remembered).toBe(reference);
      seen.push(remembered);
    }
  }
  return seen;
}

describe('schemaIssues on MP_ITEM 4.3 Clothing', async () => {
  const compiled = await specOf('MP_ITEM', '4.3', 'Clothing');
  const clean = (): Item => structuredClone(readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-clean.json`).MPItem[0] as Item);
  const clothing = (item: Item): Record<string, unknown> => item.Visible.Clothing as Record<string, unknown>;

  const mistakes: Array<[string, (item: Item) => void]> = [
    ['a wrong enum value', (i) => (clothing(i).gender = 'Mle')],
    ['another wrong enum value at the same place', (i) => (clothing(i).gender = 'Femal')],
    ['an enum value with no near match', (i) => (clothing(i).gender = 'Robot')],
    ['a number as text', (i) => (i.Orderable.price = '$49.50')],
    ['true for a number', (i) => (i.Orderable.price = true)],
    ['an object for a number (words not remembered by value)', (i) => (i.Orderable.price = { amount: 3 })],
    ['a list for a number', (i) => (i.Orderable.price = [1, 2])],
    ['null for a number', (i) => (i.Orderable.price = null)],
    ['a missing attribute', (i) => delete i.Orderable.brand],
    ['another missing attribute at the same place', (i) => delete i.Orderable.productName],
    ['two missing attributes', (i) => (delete i.Orderable.brand, delete i.Orderable.productName)],
    ['text too long', (i) => (i.Orderable.productName = 'x'.repeat(240))],
    ['text of another length too long', (i) => (i.Orderable.productName = 'é'.repeat(201))],
    ['a text for a list', (i) => (clothing(i).color = 'Navy')],
    ['a wrong value in a list', (i) => (clothing(i).ageGroup = ['Adult', 'Adults'])],
    ['the same wrong value twice in a list', (i) => (clothing(i).ageGroup = ['Adults', 'Adults'])],
    ['a type and an enum error at one place: only the type', (i) => (clothing(i).gender = 7)],
    ['several mistakes at once', (i) => (delete i.Orderable.brand, (i.Orderable.price = '$1'), (clothing(i).gender = 'Mle'), (clothing(i).color = 'Red'))],
    ['an unknown attribute (not a place: explained afresh)', (i) => (clothing(i).colour = ['Red'])],
    ['an unknown attribute beside place mistakes', (i) => ((clothing(i).colour = ['Red']), (clothing(i).gender = 'Mle'))],
    ['a wrong item in a list of objects', (i) => (clothing(i).fabricContent = [{ materialName: 'Cotton', materialPercentage: '100' }])],
  ];

  it.each(mistakes)('%s: the same issues as explained afresh, first time and after', (_name, spoil) => {
    const item = clean();
    spoil(item);
    const seen = expectSameIssues(compiled, item, 'Clothing');
    expect(JSON.parse(seen[0] as string)).not.toEqual([]);
  });

  it('one place seen with more values than it remembers words for', () => {
    for (let n = 0; n < 300; n++) {
      const item = clean();
      clothing(item).gender = `Mal${String(n)}`;
      expectSameIssues(compiled, item, 'Clothing', 1);
    }
    const item = clean();
    clothing(item).gender = 'Mle';
    expect(JSON.parse(expectSameIssues(compiled, item, 'Clothing', 1)[0] as string)).toMatchObject([{ path: 'Visible.Clothing.gender', hint: 'Did you mean "Male"?' }]);
  });

  it('more places than it remembers (array positions): still the same issues', () => {
    for (let n = 0; n < 4200; n += 7) {
      const item = clean();
      clothing(item).keyFeatures = [...Array<string>(n).fill('ok'), 7];
      expectSameIssues(compiled, item, 'Clothing', 1);
    }
  });
});

describe('schemaIssues on the synthetic v5 spec: if/then findings read the item, every time', async () => {
  const compiled = await specOf('MP_ITEM', '5.0.20261124-00_00_00-synthetic', 'T-Shirts');
  const clean = (): Item => structuredClone(readJson<Feed>(`${SAMPLES}feeds/v5-synthetic-clean.json`).MPItem[0] as Item);
  const tee = (item: Item): Record<string, unknown> => item.Visible['T-Shirts'] as Record<string, unknown>;

  it('a conditionally required attribute, with its trigger', () => {
    const item = clean();
    delete tee(item).isPrimaryVariant;
    const [issues] = expectSameIssues(compiled, item, 'T-Shirts');
    expect(JSON.parse(issues as string)).toMatchObject([{ code: 'schema.conditional_required' }]);
  });

  it('place mistakes beside a conditional one', () => {
    const item = clean();
    delete tee(item).isPrimaryVariant;
    tee(item).gender = 'Mle';
    expectSameIssues(compiled, item, 'T-Shirts');
    delete tee(item).variantGroupId;
    expectSameIssues(compiled, item, 'T-Shirts');
  });
});

describe('schemaIssues on a spec of its own', () => {
  it('two errors with one code at one path give one issue, as explainErrors keeps', async () => {
    const spec = feedSpec({
      type: 'object',
      properties: { Orderable: { type: 'object', properties: { n: { type: 'number', allOf: [{ minimum: 5 }, { minimum: 3 }] }, s: { type: 'string', maxLength: 2 } } } },
    });
    const { store, entries } = await tempCacheWith(spec);
    const compiled = await new Compiler(store).get(entries[0]!);
    for (const item of [{ Orderable: { n: 1 } }, { Orderable: { n: 4, s: 'abc' } }, { Orderable: { n: 2, s: 'abcd' } }, { Orderable: { n: 'x' } }]) {
      const seen = expectSameIssues(compiled, item, '*');
      expect((JSON.parse(seen[0] as string) as Issue[]).filter((i) => i.field === 'n')).toHaveLength(1);
    }
  });
});
