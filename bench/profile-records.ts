// catalog-gate alone over the benchmark's valid (or invalid) items, for `node --cpu-prof`: the per-record path
// of part a without the raw-Ajv side. Usage: node --cpu-prof dist/bench/profile-records.js [valid|invalid] [N] [ROUNDS]
import { Validator } from '../src/index.js';
import { invalidItems, validItems } from './data.js';

const [kind = 'valid', n = '10000', rounds = '10'] = process.argv.slice(2);
const items = kind === 'invalid' ? invalidItems(Number(n), 12).map((x) => x.item) : validItems(Number(n), 11);
const t0 = performance.now();
for (let r = 0; r < Number(rounds); r++) {
  const v = await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3' });
  for (let i = 0; i < items.length; i++) await v.record({ data: items[i] }, i + 1);
  v.finish();
}
const s = (performance.now() - t0) / 1000;
console.log(`${kind}: ${String(items.length * Number(rounds))} records in ${s.toFixed(2)} s, ${(items.length * Number(rounds) / s).toFixed(0)} records/s`);
