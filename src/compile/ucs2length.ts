// Ajv's character count (`maxLength`/`minLength` count characters, a surrogate pair as one), for the code Ajv
// generates and for messages that say how long a text is: both count alike. Its own module: importing it loads Ajv's
// small runtime file only, not Ajv's compiler.
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';

// Node hands a CommonJS module's exports object to a default import; vitest hands its `default` export.
type Ucs2Length = ((s: string) => number) & { code: string };
const ucs2lengthExport = ucs2lengthModule as unknown as { default: Ucs2Length } | Ucs2Length;

/** The number of characters in `s`, a surrogate pair counting as one (as `[...s].length`, without the array). */
export const ucs2length: Ucs2Length = typeof ucs2lengthExport === 'function' ? ucs2lengthExport : ucs2lengthExport.default;
