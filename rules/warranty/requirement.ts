// The warranty rules share one shape: a Has Written Warranty answer that makes a companion attribute required.
// The answer is matched loosely because spreadsheets drift on case, spacing and dash style.
import type { RecordRule } from '../../src/core/rule.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';

export const TRIGGER = 'has_written_warranty';

export const ANSWERS = ['Yes - Warranty URL', 'Yes - Warranty Text', 'No'] as const;
export type WarrantyAnswer = (typeof ANSWERS)[number];

function answerKey(value: string): string {
  return value.toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, '');
}

/** True when `value` is the given answer, ignoring case, spacing and dash style. */
export function isAnswer(value: unknown, answer: WarrantyAnswer): value is string {
  return typeof value === 'string' && answerKey(value) === answerKey(answer);
}

export interface WarrantyRequirement {
  id: string;
  description: string;
  answer: WarrantyAnswer;
  /** The attribute the answer makes required. */
  target: string;
  /** What to put in the target, for the hint ("the warranty's web address"). */
  what: string;
}

export function warrantyRequirement(req: WarrantyRequirement): RecordRule {
  const others = ANSWERS.filter((a) => a !== req.answer);
  return defineRecordRule({
    id: req.id,
    pack: 'warranty',
    severity: 'error',
    description: req.description,
    // 4.3 specs carry warrantyURL/warrantyText without the Yes/No question, so the rule has nothing to key on there.
    needs: [TRIGGER, req.target],
    check(record) {
      const value = record.get(TRIGGER);
      if (!isAnswer(value, req.answer) || record.has(req.target)) return NO_FINDINGS;
      return [{ attribute: req.target, params: { trigger: TRIGGER, value } }];
    },
    message(finding, titleOf) {
      return `${titleOf(req.target)} is required because ${titleOf(TRIGGER)} is "${String(finding.params.value)}".`;
    },
    hint(_finding, titleOf) {
      const alternatives = others.map((a) => `"${a}"`).join(' or ');
      return `Enter ${req.what} in ${titleOf(req.target)}, or change ${titleOf(TRIGGER)} to ${alternatives} if that is the true answer.`;
    },
  });
}
