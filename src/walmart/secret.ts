// Secrets (client secret, Basic credentials, access tokens) held so that JSON.stringify, util.inspect,
// String() and template strings all show "[redacted]"; plus a redactor scrubbing known values from text
// that came back from the wire (a gateway that echoes a header must not leak it into a message or log).
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

export class Secret {
  // A #private field: invisible to JSON.stringify, Object.keys, structured logging and util.inspect.
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The real value, for the one place that puts it on the wire. */
  reveal(): string {
    return this.#value;
  }

  equals(other: Secret | undefined): boolean {
    return other !== undefined && other.#value === this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

// Walmart access tokens are JWE/JWT strings; anything shaped like one is scrubbed even if we never saw it.
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)*/g;
const BASIC_LIKE = /(Basic\s+)[A-Za-z0-9+/=]{8,}/gi;
const MAX_REMEMBERED = 16;

export class Redactor {
  readonly #values = new Set<string>();

  /** Remembers a secret value; the oldest are forgotten past a small bound (tokens rotate every 15 min). */
  add(value: string | Secret): void {
    const v = typeof value === 'string' ? value : value.reveal();
    // Very short values would redact ordinary words; real secrets are long.
    if (v.length < 6) return;
    this.#values.delete(v);
    this.#values.add(v);
    while (this.#values.size > MAX_REMEMBERED) {
      const oldest = this.#values.values().next();
      if (oldest.done === true) break;
      this.#values.delete(oldest.value);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.#values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out.replace(JWT_LIKE, REDACTED).replace(BASIC_LIKE, `$1${REDACTED}`);
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Redactor(${this.#values.size} values)`;
  }
}
