// Query parameters, checked: an unknown or repeated parameter is a 400 that names it (a typo such as
// `feedtype` must not be silently ignored); an empty value counts as absent.
import { nearest } from '../engine/suggest.js';
import { ServiceError } from './service-error.js';

const MAX_VALUE = 200;

export function readQuery<K extends string>(params: URLSearchParams, allowed: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (!(allowed as readonly string[]).includes(key)) {
      const guess = nearest(key, allowed);
      const takes = allowed.length === 0 ? 'This endpoint takes no query parameters.' : `This endpoint takes ${allowed.join(', ')}.`;
      throw new ServiceError(400, 'BAD_QUERY', `Unknown query parameter "${key.slice(0, 50)}".${guess === undefined ? '' : ` Did you mean "${guess}"?`} ${takes}`);
    }
    if (seen.has(key)) throw new ServiceError(400, 'BAD_QUERY', `Query parameter "${key}" is given more than once; give it once.`);
    seen.add(key);
    if (value.length > MAX_VALUE) throw new ServiceError(400, 'BAD_QUERY', `Query parameter "${key}" is longer than ${MAX_VALUE} characters.`);
    if (value.trim() !== '') out[key as K] = value.trim();
  }
  return out;
}

/** A parameter that must be one of `choices` when given. */
export function oneOf<T extends string>(key: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new ServiceError(400, 'BAD_QUERY', `Query parameter "${key}" is "${value.slice(0, 50)}"; it must be one of ${choices.join(', ')}.`);
}
