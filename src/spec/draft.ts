// Which JSON Schema draft a spec declares: Walmart's 4.x specs are draft-04, v5 specs draft-07.

/** The drafts catalog-gate reads, as the lockfile names them. */
export const DRAFT_NAMES = ['draft-04', 'draft-06', 'draft-07'] as const;

export type Draft = (typeof DRAFT_NAMES)[number];

const DRAFTS: ReadonlyArray<[RegExp, Draft]> = DRAFT_NAMES.map((d) => [new RegExp(d), d]);

/** The draft named by a `$schema` URI; undefined for one we do not support (2019-09, 2020-12, unknown). */
export function draftOf(schemaUri: unknown): Draft | undefined {
  if (schemaUri === undefined) return 'draft-07';
  if (typeof schemaUri !== 'string') return undefined;
  for (const [re, draft] of DRAFTS) if (re.test(schemaUri)) return draft;
  return undefined;
}
