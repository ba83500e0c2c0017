// Which JSON Schema draft a spec declares: Walmart's 4.x specs are draft-04, v5 specs draft-07.

export type Draft = 'draft-04' | 'draft-06' | 'draft-07';

const DRAFTS: ReadonlyArray<[RegExp, Draft]> = [
  [/draft-04/, 'draft-04'],
  [/draft-06/, 'draft-06'],
  [/draft-07/, 'draft-07'],
];

/** The draft named by a `$schema` URI; undefined for one we do not support (2019-09, 2020-12, unknown). */
export function draftOf(schemaUri: unknown): Draft | undefined {
  if (schemaUri === undefined) return 'draft-07';
  if (typeof schemaUri !== 'string') return undefined;
  for (const [re, draft] of DRAFTS) if (re.test(schemaUri)) return draft;
  return undefined;
}
