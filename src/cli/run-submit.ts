// Runs `submit`: validate FILE, plan the feeds (pure), and unless --dry-run: settle what an interrupted
// run left, send the plan with the ledger written before and after each POST, follow the feeds (--wait),
// and report every record's fate in the chosen format.
import { mkdirSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import type { AttributeIndex } from '../compile/attributes.js';
import { readConfig } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { atLeast } from '../core/issue.js';
import type { Issue } from '../core/issue.js';
import { mergeValidateOptions } from '../engine/options.js';
import { feedFrame } from '../submit/feed-body.js';
import { follow } from '../submit/follow.js';
import { Ledger } from '../submit/ledger.js';
import { buildOutcome } from '../submit/outcome.js';
import type { OutcomeRecord } from '../submit/outcome.js';
import { DEFAULT_LIMITS, makePlan } from '../submit/plan.js';
import type { Candidate, FeedLimits, Plan } from '../submit/plan.js';
import { planJson, renderPlanText } from '../submit/plan-text.js';
import { parsePollSchedule, WALMART_POLL_SCHEDULE } from '../submit/poll-schedule.js';
import { prepare } from '../submit/prepare.js';
import type { Prepared } from '../submit/prepare.js';
import { contentHash, recordKey } from '../submit/record-key.js';
import { lockStateDir } from '../submit/state-lock.js';
import { reconcile, Submitter } from '../submit/submitter.js';
import { pauseHooksFrom } from '../submit/test-hooks.js';
import type { SubmitFlags } from './commands/submit.js';
import { EXIT_ISSUES, EXIT_OK } from './exit.js';
import { progress } from './progress.js';
import { writeSubmitReport } from './run-submit-report.js';
import { wholeNumberFlag, withWalmartClient } from './walmart-client.js';

const HOUR = 3_600_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, signal === undefined ? undefined : { signal });
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function defaultStateDir(file: string): string {
  return join(dirname(resolve(file)), '.catalog-gate');
}

function limitsFrom(flags: SubmitFlags): FeedLimits {
  return {
    maxItems: wholeNumberFlag(flags.maxFeedItems, '--max-feed-items', DEFAULT_LIMITS.maxItems),
    maxBytes: wholeNumberFlag(flags.maxFeedBytes, '--max-feed-bytes', DEFAULT_LIMITS.maxBytes, 100),
    feedsPerHour: wholeNumberFlag(flags.feedsPerHour, '--feeds-per-hour', DEFAULT_LIMITS.feedsPerHour),
  };
}

interface Pieces {
  candidates: Candidate[];
  outcome: OutcomeRecord[];
  rejected: number;
}

/** Each record's key, hash and whether validation keeps it back. */
function piecesOf(prepared: Prepared, feedType: string, blocking: (i: Issue) => boolean): Pieces {
  const blocked = new Set<number>();
  for (const i of prepared.report.issues) if (i.record > 0 && blocking(i)) blocked.add(i.record);
  const candidates: Candidate[] = [];
  const outcome: OutcomeRecord[] = [];
  for (const r of prepared.records) {
    const key = recordKey(feedType, r.sku, r.index);
    const hash = contentHash(r.text);
    const rejected = blocked.has(r.index);
    outcome.push({ index: r.index, key, hash, rejected, ...(r.sku === undefined ? {} : { sku: r.sku }), ...(r.productType === undefined ? {} : { productType: r.productType }), ...(r.location === undefined ? {} : { location: r.location }) });
    if (!rejected) candidates.push({ index: r.index, key, hash, bytes: Buffer.byteLength(r.text), ...(r.sku === undefined ? {} : { sku: r.sku }), ...(r.location?.row === undefined ? {} : { row: r.location.row }), ...(r.group === undefined ? {} : { group: r.group }) });
  }
  return { candidates, outcome, rejected: blocked.size };
}

async function attributesOf(prepared: Prepared): Promise<Map<string, AttributeIndex>> {
  const out = new Map<string, AttributeIndex>();
  for (const pt of new Set(prepared.records.map((r) => r.productType).filter((p): p is string => p !== undefined))) {
    const attrs = await prepared.validator.attributesFor(pt);
    if (attrs !== undefined) out.set(pt, attrs);
  }
  return out;
}

function tooLargeIssue(c: Candidate, maxBytes: number): Issue {
  return {
    code: 'submit.record_too_large',
    severity: 'error',
    record: c.index,
    ...(c.sku === undefined ? {} : { sku: c.sku }),
    ...(c.row === undefined ? {} : { row: c.row }),
    path: '',
    field: '',
    message: `This record alone is ${c.bytes} bytes, more than a whole feed file may be (${maxBytes} bytes); it was not sent.`,
    hint: 'Shorten its longest texts (descriptions, key features) or remove repeated values, then submit again.',
  };
}

export async function runSubmit(file: string, flags: SubmitFlags): Promise<number> {
  if (flags.dryRun === true && flags.wait === true) throw new UsageError('--dry-run sends nothing, so there is nothing to --wait for; use one or the other');
  const config = await readConfig(flags.config);
  const limits = limitsFrom(flags);
  const schedule = parsePollSchedule(flags.poll ?? WALMART_POLL_SCHEDULE);
  const failOn = flags.failOn ?? config.failOn ?? 'error';
  const engine = mergeValidateOptions(flags, config);

  const bar = progress(`Validating ${file}`);
  let prepared: Prepared;
  try {
    prepared = await prepare(file, { engine, sheet: flags.sheet ?? config.sheet, columns: config.columns, onRecord: (n) => bar.tick(n) });
  } finally {
    bar.done();
  }
  const feedType = prepared.validator.context.feedType;
  const pieces = piecesOf(prepared, feedType, (i) => atLeast(i.severity, failOn));
  // An error in the feed as a whole (its header) would make Walmart refuse every record: nothing goes.
  const feedBlocked = prepared.report.issues.some((i) => i.record === 0 && i.severity === 'error');
  const candidates = feedBlocked ? [] : pieces.candidates;
  const frameBytes = Buffer.byteLength(feedFrame(feedType, prepared.header).open + feedFrame(feedType, prepared.header).close);
  const stateDir = resolve(flags.stateDir ?? defaultStateDir(file));
  const mode = flags.onlyFailed === true ? 'only-failed' : 'changed';

  if (flags.dryRun === true) {
    // A dry run reads the ledger but never writes or locks it.
    const ledger = Ledger.open(stateDir);
    ledger.close();
    const usedThisHour = [...ledger.state.feeds.values()].filter((f) => f.state !== 'unsent' && f.at > Date.now() - HOUR).length;
    const plan = makePlan({ feedType, frameBytes, candidates, ledger: ledger.state.records, mode, limits, usedThisHour });
    return report(prepared, pieces, plan, ledger, new Set(), flags, file, failOn, undefined, true);
  }

  const release = lockStateDir(ensureDir(stateDir));
  const ledger = Ledger.open(stateDir);
  try {
    return await withWalmartClient(flags, async (client) => {
      const hooks = pauseHooksFrom(process.env.CATALOG_GATE_SUBMIT_PAUSE);
      await reconcile({ client, ledger, log });
      const recent = [...ledger.state.feeds.values()].filter((f) => f.state !== 'unsent' && f.at > Date.now() - HOUR);
      const plan = makePlan({ feedType, frameBytes, candidates, ledger: ledger.state.records, mode, limits, usedThisHour: recent.length });
      const quotaFreesAt = recent.length === 0 ? undefined : Math.min(...recent.map((f) => f.at)) + HOUR;
      const texts = new Map(prepared.records.map((r) => [r.index, r.text]));
      const submitter = new Submitter({
        client,
        ledger,
        hooks,
        feedType,
        header: prepared.header,
        textOf: (i) => texts.get(i) ?? 'null',
        log,
        sleep,
        waitForQuota: flags.wait === true,
        feedQuota: { perHour: limits.feedsPerHour, usedThisHour: recent.length },
        ...(quotaFreesAt === undefined ? {} : { quotaFreesAt }),
      });
      // With --wait, feeds are followed while later ones are still being sent.
      let sending = true;
      const following = flags.wait === true ? follow({ client, ledger, hooks, schedule, sleep, log, moreComing: () => sending }) : undefined;
      following?.catch(() => undefined); // awaited below; this only keeps a failure during sending from going unhandled
      let sent: Awaited<ReturnType<Submitter['run']>>;
      try {
        sent = await submitter.run(plan);
      } finally {
        sending = false;
      }
      await following;
      return report(prepared, pieces, { ...plan, tooLarge: sent.tooLarge }, ledger, feedsOf(ledger, pieces.outcome), flags, file, failOn, sent.quotaUntil, false);
    });
  } finally {
    ledger.close();
    release();
  }
}

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The feeds this input's records are in, per the ledger. */
function feedsOf(ledger: Ledger, records: readonly OutcomeRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const l = ledger.state.records.get(r.key);
    if (l !== undefined && l.hash === r.hash && l.state !== 'unsent') out.add(l.feed);
  }
  return out;
}

async function report(
  prepared: Prepared,
  pieces: Pieces,
  plan: Plan,
  ledger: Ledger,
  ofRun: ReadonlySet<string>,
  flags: SubmitFlags,
  file: string,
  failOn: 'error' | 'warning',
  quotaUntil: number | undefined,
  dryRun: boolean,
): Promise<number> {
  const tooLarge = new Set(plan.tooLarge.map((c) => c.index));
  const extra = plan.tooLarge.map((c) => tooLargeIssue(c, plan.limits.maxBytes));
  const base = { ...prepared.report, issues: [...prepared.report.issues, ...extra].sort((a, b) => a.record - b.record) };
  const records = pieces.outcome.map((r) => (tooLarge.has(r.index) ? { ...r, rejected: true } : r));
  const outcome = buildOutcome({ report: base, records, ledger: ledger.state, attributes: await attributesOf(prepared), feedsOfRun: ofRun, ...(quotaUntil === undefined ? {} : { quotaUntil }) });
  if (dryRun) {
    const rejected = pieces.rejected;
    if (flags.format === 'json') {
      const json = { ...outcome, plan: planJson(plan, rejected) };
      await writeSubmitReport(json, file, { ...flags, format: 'json' });
    } else await writeSubmitReport(outcome, file, flags, renderPlanText(plan, rejected) + '\n');
  } else await writeSubmitReport(outcome, file, flags);
  if (quotaUntil !== undefined) log(`catalog-gate: Walmart's hourly feed quota is used up until ${new Date(quotaUntil).toISOString()}; run the same command again then to send the rest.`);
  const issuesFail = outcome.issues.some((i) => atLeast(i.severity, failOn));
  if (issuesFail) return EXIT_ISSUES;
  // Valid records left unsent (the hourly quota) are work not done: the same command sends them later.
  if (!dryRun && outcome.submission.counts.not_sent > 0) return EXIT_ISSUES;
  if (flags.wait === true) {
    const c = outcome.submission.counts;
    if (c.failed + c.in_review + c.sent + c.not_sent > 0) return EXIT_ISSUES;
  }
  return EXIT_OK;
}
