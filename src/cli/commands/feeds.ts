// `catalog-gate feeds list|status|watch`: feeds submitted to Walmart and how their items fared.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandState } from '../command-state.js';
import type { FeedsCommonFlags, FeedsListFlags, FeedsWatchFlags } from '../run-feeds.js';

const ENV = '\nNeeds WALMART_CLIENT_ID and WALMART_CLIENT_SECRET (and WALMART_BASE_URL or --base-url for anything but Walmart\'s marketplace API).';

function common(cmd: Command): Command {
  return cmd
    .option('--base-url <url>', 'Walmart API base URL (default: WALMART_BASE_URL, else Walmart\'s marketplace API)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
}

export function registerFeeds(program: Command, state: CommandState): void {
  const feeds = program.command('feeds').description('list feeds submitted to Walmart, show one feed\'s status, or wait for it to finish');
  common(
    feeds
      .command('list')
      .description('list recent feeds with their status and item counts')
      .option('--feed-type <type>', 'only this feed type, e.g. MP_ITEM')
      .option('--status <status>', 'only feeds in this status: RECEIVED, INPROGRESS, PROCESSED or ERROR')
      .option('--limit <n>', 'at most this many feeds (default 50)'),
  )
    .addHelpText('after', `\nExamples:\n  $ catalog-gate feeds list\n  $ catalog-gate feeds list --feed-type MP_ITEM --status ERROR --limit 10 --format json\n${ENV}`)
    .action(async (flags: FeedsListFlags) => {
      const { runFeedsList } = await import('../run-feeds.js');
      state.code = await runFeedsList(flags);
    });
  common(
    feeds
      .command('status')
      .description('one feed\'s summary and every item\'s ingestion status, or what a submit ledger knows of its feeds')
      .argument('[feed-id]', 'the feed ID Walmart returned')
      .option('--state-dir <dir>', "without a feed ID: the feeds of this submit ledger, as far as it knows (no network)"),
  )
    .addHelpText('after', `\nExamples:\n  $ catalog-gate feeds status 185A1E0E9B8C4A8EB6F3A0C1D2E3F4A5@AQMBAQA\n  $ catalog-gate feeds status 185A1E0E9B8C4A8EB6F3A0C1D2E3F4A5@AQMBAQA --format json\n  $ catalog-gate feeds status --state-dir .catalog-gate\n${ENV}`)
    .action(async (feedId: string | undefined, flags: FeedsCommonFlags & { stateDir?: string }) => {
      const { runFeedsStatus } = await import('../run-feeds.js');
      state.code = await runFeedsStatus(feedId, flags);
    });
  common(
    feeds
      .command('watch')
      .description('poll a feed until Walmart has processed it; exit 0 if every item succeeded, 1 otherwise')
      .argument('[feed-id]', 'the feed ID Walmart returned (or --state-dir for every feed a submit left unfinished)')
      .option('--state-dir <dir>', "a submit ledger's directory: follow every feed it has as sent, and record the verdicts")
      .option('--interval-ms <n>', 'time between polls (default 5000)')
      .option('--timeout-ms <n>', 'give up (exit 2) after this long (default 30 minutes)'),
  )
    .addHelpText('after', `\nExamples:\n  $ catalog-gate feeds watch 185A1E0E9B8C4A8EB6F3A0C1D2E3F4A5@AQMBAQA\n  $ catalog-gate feeds watch 185A1E0E9B8C4A8EB6F3A0C1D2E3F4A5@AQMBAQA --interval-ms 2000 --timeout-ms 600000\n  $ catalog-gate feeds watch --state-dir .catalog-gate\n${ENV}`)
    .action(async (feedId: string | undefined, flags: FeedsWatchFlags) => {
      const { runFeedsWatch } = await import('../run-feeds.js');
      state.code = await runFeedsWatch(feedId, flags);
    });
}
