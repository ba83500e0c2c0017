// Which rules run for a product type: those whose attributes its spec defines, with the severities the
// user chose. Chosen once per compiled spec, not per record.
import type { AttributeIndex } from '../compile/attributes.js';
import type { Severity } from '../core/issue.js';
import type { Rule } from '../core/rule.js';
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
