// The plan as a person reads it (--dry-run), and as JSON for scripts.
import type { Plan, SkipReason } from './plan.js';

const SKIP_WORDS: Readonly<Record<SkipReason, string>> = {
  succeeded: 'already accepted by Walmart, unchanged',
  in_flight: 'sent before, unchanged, Walmart not finished with it',
  in_review: "unchanged, in Walmart's review",
  failed_unchanged: 'failed at Walmart before and unchanged since (fix it, then run again)',
  not_failed: 'did not fail before (--only-failed)',
};

function mb(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}

export function renderPlanText(plan: Plan, rejected: number): string {
  const sending = plan.feeds.reduce((n, f) => n + f.records.length, 0);
  const out = [`Plan: ${sending} record${sending === 1 ? '' : 's'} in ${plan.feeds.length} ${plan.feedType} feed${plan.feeds.length === 1 ? '' : 's'} (at most ${plan.limits.maxItems} items and ${mb(plan.limits.maxBytes)} a feed, ${plan.limits.feedsPerHour} feeds an hour)`];
  for (const f of plan.feeds) {
    const first = f.records[0];
    const last = f.records[f.records.length - 1];
    const span = first === undefined || last === undefined ? '' : ` records ${first.index}-${last.index}`;
    out.push(`  feed ${f.seq}: ${f.records.length} record${f.records.length === 1 ? '' : 's'}, ${mb(f.bytes)}${span}${f.quotaHour > 0 ? `, after ${f.quotaHour} h of feed quota` : ''}`);
  }
  const reasons = new Map<SkipReason, number>();
  for (const s of plan.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [reason, n] of reasons) out.push(`  not sent: ${n} ${SKIP_WORDS[reason]}`);
  if (plan.tooLarge.length > 0) out.push(`  not sent: ${plan.tooLarge.length} larger than a whole feed may be`);
  if (rejected > 0) out.push(`  not sent: ${rejected} with errors (below)`);
  return out.join('\n') + '\n';
}

export function planJson(plan: Plan, rejected: number): Record<string, unknown> {
  return {
    feedType: plan.feedType,
    limits: plan.limits,
    feeds: plan.feeds.map((f) => ({ seq: f.seq, records: f.records.map((r) => r.index), items: f.records.length, bytes: f.bytes, quotaHour: f.quotaHour })),
    skipped: plan.skipped.map((s) => ({ record: s.record.index, reason: s.reason })),
    tooLarge: plan.tooLarge.map((r) => r.index),
    rejected,
  };
}
