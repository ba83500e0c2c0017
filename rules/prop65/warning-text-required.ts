// prop65.warning_text_required: an item that needs a California Prop 65 warning must carry the warning's wording.
// Placeholders such as "None" count as missing: Walmart's own sample feeds put them in items that need no warning.
import { defineRecordRule, isPresent } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';

const TRIGGER = 'isProp65WarningRequired';
const TARGET = 'prop65WarningText';
const PLACEHOLDERS = new Set(['none', 'n/a', 'na', '-', 'no', 'tbd']);

function isYes(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'yes';
}

function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && PLACEHOLDERS.has(value.trim().toLowerCase());
}

export default defineRecordRule({
  id: 'prop65.warning_text_required',
  pack: 'prop65',
  severity: 'error',
  description: 'Prop 65 Warning Text is required when Is Prop 65 Warning Required is "Yes".',
  // 4.3 specs have the warning text but not the Yes/No question; without the question there is nothing to enforce.
  needs: [TRIGGER, TARGET],
  check(record) {
    const trigger = record.get(TRIGGER);
    if (!isYes(trigger)) return NO_FINDINGS;
    const text = record.get(TARGET);
    if (isPresent(text) && !isPlaceholder(text)) return NO_FINDINGS;
    return [{ attribute: TARGET, params: { trigger: TRIGGER, value: trigger, text: isPlaceholder(text) ? text : undefined } }];
  },
  message(finding, titleOf) {
    const { value, text } = finding.params;
    const because = `${titleOf(TRIGGER)} is "${String(value)}"`;
    if (typeof text === 'string') return `${titleOf(TARGET)} is "${text}", but a real warning is required because ${because}.`;
    return `${titleOf(TARGET)} is required because ${because}.`;
  },
  hint(_finding, titleOf) {
    return `Enter the Prop 65 warning wording shown to California shoppers in ${titleOf(TARGET)}, or change ${titleOf(TRIGGER)} to "No" if the item needs no warning.`;
  },
});
