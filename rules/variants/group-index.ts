// Variant groups by number: the variant rules of a feed share one index from Variant Group ID to a small number (in
// the order groups first appeared), so each rule keeps its per-group state in typed arrays, not a Map of its own.
import type { FeedScope } from '../../src/core/rule.js';
import { perFeed } from '../per-feed.js';

export class GroupIndex {
  readonly #numbers = new Map<string, number>();
  /** Variant Group ID by group number. */
  readonly #ids: string[] = [];
  // Feeds list a group's items together, so the group looked up last is kept at hand: most lookups compare one
  // string instead of searching the Map (the rules look up the same record's group one after the other, too).
  #lastId: string | undefined;
  #last = 0;

  /** The group's number, given it one if it is new. */
  numberOf(groupId: string): number {
    if (groupId === this.#lastId) return this.#last;
    let n = this.#numbers.get(groupId);
    if (n === undefined) {
      n = this.#ids.length;
      this.#ids.push(groupId);
      this.#numbers.set(groupId, n);
    }
    this.#lastId = groupId;
    this.#last = n;
    return n;
  }

  idOf(group: number): string {
    return this.#ids[group] as string;
  }
}

/** The feed's index, shared by its variant rules (see perFeed). */
export const groupIndexOf: (feed: FeedScope | undefined) => GroupIndex = perFeed(() => new GroupIndex());
