// zod for the schemas on the validate path (lockfile, options, config): its small build, zod/mini, whose checks are
// functions rather than methods, so the CLI bundle carries only what these schemas use (import it as
// `import * as z from 'zod/mini'`; a namespace passed on as a value would keep all of zod). The full build's chunk,
// loaded on every run, was 755 KB (see BENCHMARKS.md); the Walmart API client, loaded only by its commands, keeps it.
// Importing this module gives the messages zod's English wording, as the full build has it.
import { config, minLength, string } from 'zod/mini';
import type { ZodMiniString } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

/** A string with at least one character. */
export const nonEmptyString = (): ZodMiniString<string> => string().check(minLength(1));
