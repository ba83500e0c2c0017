// Which rules run for a product type: those whose attributes its spec defines, with the severities the
// user chose. Chosen once per compiled spec, not per record.
import type { AttributeIndex } from '../compile/attributes.js';
import type { Severity } from '../core/issue.js';
import type { AttributeReader, RecordRule, RecordScreen, Rule } from '../core/rule.js';
import type { ResolvedOptions } from './options.js';

export function attaches(rule: Rule, attrs: AttributeIndex): boolean {
  if (!rule.needs.every((a) => attrs.byName.has(a))) return false;
  return rule.needsAnyOf === undefined || rule.needsAnyOf.some((a) => attrs.byName.has(a));
}

/** The severity a finding gets after the user's overrides, or 'off'. Rule id or code wins over pack. */
export function effectiveSeverity(rule: Rule, code: string, base: Severity, options: ResolvedOptions): Severity | 'off' {
  const byRule = options.rules?.rules;
  return byRule?.[code] ?? byRule?.[rule.id] ?? options.rules?.packs?.[rule.pack] ?? base;
}

export function rulesFor(all: readonly Rule[], attrs: AttributeIndex, options: ResolvedOptions): Rule[] {
  return all.filter((r) => attaches(r, attrs) && options.rules?.rules?.[r.id] !== 'off' && options.rules?.packs?.[r.pack] !== 'off');
}

/**
 * The record rules of one product type, with the screens that may skip some of them: `plans[mask]` lists, in rule
 * order, the rules still to run when the screens whose bits are set in `mask` passed. Only screens covering an
 * attached rule are kept, so a product type without images pays for no image screen.
 */
export interface RecordPlan {
  screens: Array<(item: unknown) => boolean>;
  plans: RecordRule[][];
}

export function planRecordRules(rules: readonly RecordRule[], screens: readonly RecordScreen[], readerOf: (attribute: string) => AttributeReader | undefined): RecordPlan {
  const kept: Array<{ test: (item: unknown) => boolean; covers: Set<string> }> = [];
  for (const screen of screens) {
    const covers = new Set(screen.covers);
    // Bits of a mask: at most a few screens, so the plans stay a handful of short lists.
    if (kept.length < 8 && rules.some((r) => covers.has(r.id))) kept.push({ test: screen.prepare(readerOf), covers });
  }
  const plans: RecordRule[][] = [];
  for (let mask = 0; mask < 1 << kept.length; mask++) {
    plans.push(rules.filter((r) => !kept.some((s, i) => (mask & (1 << i)) !== 0 && s.covers.has(r.id))));
  }
  return { screens: kept.map((s) => s.test), plans };
}
