// catalog-gate.config.json: feed type, version, product type, sheet, column mappings and rule-pack
// severities. validateConfig is the pure half; readConfig finds and reads the file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import * as z from 'zod/mini';
import { nonEmptyString } from '../core/schema.js';
import { rulesOptionsSchema } from '../engine/options.js';
import { stripJsonComments } from './jsonc.js';

export const CONFIG_FILE = 'catalog-gate.config.json';


export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  feedType: z.optional(nonEmptyString()),
  specVersion: z.optional(nonEmptyString()),
  productType: z.optional(nonEmptyString()),
  sheet: z.optional(nonEmptyString()),
  cacheDir: z.optional(nonEmptyString()),
  failOn: z.optional(z.enum(['error', 'warning'])),
  /** Header text -> attribute name or dotted path. */
  columns: z.optional(z.record(z.string(), nonEmptyString())),
  rules: z.optional(rulesOptionsSchema),
});

export type Config = z.infer<typeof configSchema>;

export function validateConfig(json: unknown, where: string): Config {
  const r = configSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    const at = i?.path.length ? i.path.join('.') : '(top level)';
    throw new UsageError(`${where}: ${at}: ${i?.message ?? 'invalid'}; see \`catalog-gate init\` for a commented example`);
  }
  return r.data;
}

/** The config at `file`, or catalog-gate.config.json in `cwd` if there is one, or an empty config. */
export async function readConfig(file: string | undefined, cwd: string = process.cwd()): Promise<Config> {
  const path = file ?? join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (file === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`cannot read the config file ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(stripJsonComments(text));
  } catch (e) {
    throw new UsageError(`the config file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return validateConfig(json, path);
}
