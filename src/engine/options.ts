// Options of validate()/validateStream(), checked with zod so a PIM hook's typo fails loudly.
import { UsageError } from '../core/errors.js';
import * as z from 'zod/mini';
import { nonEmptyString } from '../core/schema.js';

const severityOrOff = z.enum(['error', 'warning', 'info', 'off']);

/** Rule-pack severities: shared by the library options and the config file. */
export const rulesOptionsSchema = z.strictObject({
  /** Per pack: 'off' or the severity its findings get. */
  packs: z.optional(z.record(z.string(), severityOrOff)),
  /** Per rule id or issue code: 'off' or a severity. Wins over packs. */
  rules: z.optional(z.record(z.string(), severityOrOff)),
});

export const validateOptionsSchema = z.strictObject({
  feedType: z.optional(nonEmptyString()),
  specVersion: z.optional(nonEmptyString()),
  /** For items that do not name their product type (no Visible block). */
  productType: z.optional(nonEmptyString()),
  /** The schemas-cache directory; defaults to the cache bundled with catalog-gate. */
  cacheDir: z.optional(nonEmptyString()),
  /** Feed header, when the items come without one (JSONL, spreadsheets). */
  header: z.optional(z.record(z.string(), z.unknown())),
  rules: z.optional(rulesOptionsSchema),
});

export type ValidateOptions = z.input<typeof validateOptionsSchema>;
export type ResolvedOptions = z.output<typeof validateOptionsSchema>;

export function parseValidateOptions(options: unknown): ResolvedOptions {
  const r = validateOptionsSchema.safeParse(options ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UsageError(`invalid validate options: ${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid'}`);
  }
  return r.data;
}

const MERGED_KEYS = ['feedType', 'specVersion', 'productType', 'cacheDir', 'rules'] as const;
type MergedKey = (typeof MERGED_KEYS)[number];

/**
 * The engine options set by any of `sources`, each from the first source that sets it (command-line flags
 * before the config file; a request's query before the server's settings). Unset options are left out.
 */
export function mergeValidateOptions(...sources: readonly { readonly [K in MergedKey]?: ValidateOptions[K] | undefined }[]): ValidateOptions {
  const out: ValidateOptions = {};
  for (const key of MERGED_KEYS) {
    for (const source of sources) {
      const value = source[key];
      if (value !== undefined) {
        (out as Record<MergedKey, unknown>)[key] = value;
        break;
      }
    }
  }
  return out;
}
