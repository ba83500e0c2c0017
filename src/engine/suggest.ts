// "Did you mean…": the nearest candidate by edit distance, for enum values and attribute names.
import { Remembered } from '../core/remembered.js';

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

function fold(s: string): string {
  return s.toLowerCase().replace(/[\s_\-&,.]+/g, '');
}

/** Words people type for an enum value that edit distance cannot find (Walmart's gender values). */
const SYNONYMS: Readonly<Record<string, string>> = {
  men: 'male', mens: 'male', man: 'male', boys: 'male', boy: 'male',
  women: 'female', womens: 'female', woman: 'female', ladies: 'female', girls: 'female', girl: 'female',
  y: 'yes', n: 'no', true: 'yes', false: 'no',
};

/**
 * The candidate closest to `value`, if close enough to be a plausible typo: equal ignoring case and
 * spacing, or within a third of its length (at least 1, at most 3 edits).
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const v = fold(value);
  if (v === '') return undefined;
  const synonym = SYNONYMS[v];
  const bySynonym = synonym === undefined ? undefined : candidates.find((c) => fold(c) === synonym);
  if (bySynonym !== undefined) return bySynonym;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const f = fold(c);
    if (f === v) return c;
    const d = editDistance(v, f);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(v.length / 3)));
  return bestD <= allowed ? best : undefined;
}

/** A list of candidates as strings, per list (by identity). */
const asStrings = new WeakMap<readonly unknown[], readonly string[]>();

function stringsOf(list: readonly unknown[]): readonly string[] {
  let strings = asStrings.get(list);
  if (strings === undefined) asStrings.set(list, (strings = list.map(String)));
  return strings;
}
/** nearest()'s answers per list and value, at most 1,024 values a list (a feed can misspell a value in many ways). */
const answers = new Remembered<readonly unknown[], string, string | undefined>(1024);

/**
 * nearest(value, candidates.map(String)), remembered for a list that stays the same (a schema's enum, an object's
 * attribute names): a feed that repeats a mistake has its suggestion worked out once.
 */
export function nearestIn(value: string, candidates: readonly unknown[]): string | undefined {
  return answers.get(candidates, value, () => nearest(value, stringsOf(candidates)));
}
