// Options of validate()/validateStream(), checked with zod so a PIM hook's typo fails loudly.
import { z } from 'zod';
import { UsageError } from '../core/errors.js';

const severityOrOff = z.enum(['error', 'warning', 'info', 'off']);

/** Rule-pack severities: shared by the library options and the config file. */
export const rulesOptionsSchema = z
  .object({
    /** Per pack: 'off' or the severity its findings get. */
    packs: z.record(z.string(), severityOrOff).optional(),
    /** Per rule id or issue code: 'off' or a severity. Wins over packs. */
    rules: z.record(z.string(), severityOrOff).optional(),
  })
  .strict();

export const validateOptionsSchema = z
  .object({
    feedType: z.string().min(1).optional(),
    specVersion: z.string().min(1).optional(),
    /** For items that do not name their product type (no Visible block). */
    productType: z.string().min(1).optional(),
    /** The schemas-cache directory; defaults to the cache bundled with catalog-gate. */
    cacheDir: z.string().min(1).optional(),
    /** Feed header, when the items come without one (JSONL, spreadsheets). */
    header: z.record(z.string(), z.unknown()).optional(),
    rules: rulesOptionsSchema.optional(),
  })
  .strict();

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
