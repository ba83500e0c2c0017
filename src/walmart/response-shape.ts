// Checks the few fields of a Walmart response the client relies on (feedId, pagination fields) with a
// loose zod schema; everything else passes through untouched for the caller.
import type { z } from 'zod';
import { WalmartResponseError } from './errors.js';
import type { WalmartResponse } from './types.js';

export function parseShape<S extends z.ZodType>(schema: S, data: unknown, response: WalmartResponse, route: string, what: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
  throw new WalmartResponseError(`Walmart's answer to ${route} is not the ${what} expected${where}: ${issue?.message ?? 'invalid'}.`, {
    status: response.status,
    correlationId: response.correlationId,
    route,
  });
}
