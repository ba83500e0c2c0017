// State that several feed rules share for one feed (the variant rules' one tuple per item), made once: the engine
// hands every feed rule the same FeedScope object for a feed, so a WeakMap on it finds the shared state.
import type { FeedScope } from '../src/core/rule.js';

/**
 * `create`, once per feed: every rule that asks with the same FeedScope gets the same object, and it goes when the
 * feed's scope does. A rule run alone (no scope, as tests run them) gets one of its own.
 */
export function perFeed<T extends object>(create: (feed: FeedScope | undefined) => T): (feed: FeedScope | undefined) => T {
  const byFeed = new WeakMap<FeedScope, T>();
  return (feed) => {
    if (feed === undefined) return create(undefined);
    let shared = byFeed.get(feed);
    if (shared === undefined) {
      shared = create(feed);
      byFeed.set(feed, shared);
    }
    return shared;
  };
}
