// Part a's rounds (bench/run.ts): one round of catalog-gate or of raw Ajv over a set of items, timed in wall and CPU
// time, and the rounds of one side alone (bench/throughput-side.ts runs them in a process of its own).
import { Validator } from '../src/index.js';
import type { ValidateOptions } from '../src/index.js';
import { asParsed, invalidItems, validItems } from './data.js';
import type { JsonObject } from './data.js';
import { compileRawAjv, validateAllRaw } from './raw-ajv.js';

export interface RoundResult {
  ms: number;
  /** CPU time of the process over the round (user + system, all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
  invalid: number;
  issues: number;
}

export type SetName = 'valid' | 'invalid';
export const SET_NAMES: readonly SetName[] = ['valid', 'invalid'];

/** Part a's two sets of `records` items, as a feed file gives them (asParsed): the same items in every process (fixed seeds). */
export function itemSets(records: number): Record<SetName, JsonObject[]> {
  return { valid: asParsed(validItems(records, 11)), invalid: asParsed(invalidItems(records, 12).map((x) => x.item)) };
}

export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The items as one feed through a fresh MP_ITEM 4.3 Validator (with `rules`, else every pack on), as the CLI's loop
 * runs them (validate.ts): the result itself once the product type's spec is ready, a promise only before. Every
 * catalog-gate side of the benchmarks runs this.
 */
export async function validateFeed(items: readonly JsonObject[], rules?: ValidateOptions['rules']): Promise<{ validator: Validator; issues: number }> {
  const v = await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3', ...(rules === undefined ? {} : { rules }) });
  // The items are plain data (object literals and arrays, as JSON.parse would make them), and the CLI says so of every
  // feed it reads.
  v.plainItems();
  let issues = 0;
  for (let i = 0; i < items.length; i++) {
    const now = v.recordNow({ data: items[i] }, i + 1);
    const r = now instanceof Promise ? await now : now;
    issues += r.issues.length;
  }
  issues += v.finish().length;
  return { validator: v, issues };
}

export async function catalogGateRound(items: readonly JsonObject[]): Promise<RoundResult> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const { validator, issues } = await validateFeed(items);
  const ms = performance.now() - t0;
  return { ms, cpuMs: cpuMs() - c0, invalid: validator.summary().invalid, issues };
}

export type RawValidate = Parameters<typeof validateAllRaw>[0];

export function rawRound(validate: RawValidate, items: readonly JsonObject[]): RoundResult {
  const c0 = cpuMs();
  const t0 = performance.now();
  const findings = validateAllRaw(validate, items);
  const ms = performance.now() - t0;
  return { ms, cpuMs: cpuMs() - c0, invalid: findings.length, issues: findings.reduce((n, f) => n + f.errors.length, 0) };
}

/** One side's rounds alone, as part a runs them (each round: the valid set, then the invalid one); timed rounds only. */
export async function sideRounds(side: 'catalog-gate' | 'raw', specFile: string, records: number, warmupRounds: number, timedRounds: number): Promise<Record<SetName, RoundResult[]>> {
  const sets = itemSets(records);
  const validate = side === 'raw' ? compileRawAjv(specFile).validate : undefined;
  const out: Record<SetName, RoundResult[]> = { valid: [], invalid: [] };
  for (let round = 0; round < warmupRounds + timedRounds; round++) {
    for (const name of SET_NAMES) {
      const r = validate === undefined ? await catalogGateRound(sets[name]) : rawRound(validate, sets[name]);
      if (round >= warmupRounds) out[name].push(r);
    }
  }
  return out;
}
