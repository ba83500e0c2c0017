// Injected failures, so a client's retry, back-off and lost-response handling can be exercised: a spec
// like "429=0.2,503=0.1,reset=0.05" gives each fault the share of requests it hits. One draw per eligible
// request from a seeded stream picks at most one fault, so the same seed and the same request sequence
// give the same faults.
import { UsageError } from '../core/errors.js';
import type { Random } from './prng.js';

export type FaultKind = '429' | '503' | '500' | '504' | '423' | 'reset' | 'slow' | 'expire';

export const FAULT_KINDS: readonly FaultKind[] = ['429', '503', '500', '504', '423', 'reset', 'slow', 'expire'];

export type FaultRates = Partial<Record<FaultKind, number>>;

function isFaultKind(s: string): s is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(s);
}

/** Parses "429=0.2,503=0.1,reset=0.05"; a UsageError names the bad entry and what is allowed. */
export function parseFaults(spec: string): FaultRates {
  const rates: FaultRates = {};
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    const valueText = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!isFaultKind(name)) throw new UsageError(`unknown fault "${name}" in --faults; use ${FAULT_KINDS.join(', ')} (e.g. "429=0.2,reset=0.05")`);
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new UsageError(`fault rate for "${name}" must be a number from 0 to 1, not "${valueText}" (e.g. "${name}=0.1")`);
    }
    rates[name] = value;
  }
  return checkRates(rates);
}

export function checkRates(rates: FaultRates): FaultRates {
  let total = 0;
  for (const [name, value] of Object.entries(rates)) {
    if (!isFaultKind(name)) throw new UsageError(`unknown fault "${name}"; use ${FAULT_KINDS.join(', ')}`);
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new UsageError(`fault rate for "${name}" must be a number from 0 to 1`);
    total += value;
  }
  // One draw picks at most one fault, so the shares must fit in one request.
  if (total > 1 + 1e-9) throw new UsageError(`fault rates add up to ${total.toFixed(3)}; together they must not exceed 1`);
  return rates;
}

interface Forced {
  kind: FaultKind;
  path: string | undefined;
}

export class FaultInjector {
  readonly #rand: Random;
  readonly #table: Array<[FaultKind, number]>;
  readonly #forced: Forced[] = [];
  readonly #counts = new Map<FaultKind, number>();

  constructor(rates: FaultRates, rand: Random) {
    this.#rand = rand;
    let acc = 0;
    this.#table = FAULT_KINDS.filter((k) => (rates[k] ?? 0) > 0).map((k) => [k, (acc += rates[k] ?? 0)]);
  }

  /** Whether any random fault is configured (requests then cost one draw each). */
  get active(): boolean {
    return this.#table.length > 0 || this.#forced.length > 0;
  }

  /** The fault for this request, if any. Forced faults go first; random ones draw exactly once per call. */
  draw(path: string): FaultKind | undefined {
    const i = this.#forced.findIndex((f) => f.path === undefined || f.path === path);
    let kind: FaultKind | undefined;
    if (i >= 0) {
      kind = this.#forced[i]?.kind;
      this.#forced.splice(i, 1);
    } else if (this.#table.length > 0) {
      const r = this.#rand();
      kind = this.#table.find(([, upTo]) => r < upTo)?.[0];
    }
    if (kind !== undefined) this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + 1);
    return kind;
  }

  /**
   * Makes the next `times` eligible requests (to `path` only, when given) fail with `kind`, whatever the
   * rates say: a test's way to say "the next feed POST is reset".
   */
  inject(kind: FaultKind, options: { times?: number; path?: string } = {}): void {
    for (let n = 0; n < (options.times ?? 1); n++) this.#forced.push({ kind, path: options.path });
  }

  /** How many of each fault were injected so far. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }
}
