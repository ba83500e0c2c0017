// Builds a Send from interceptors, first one outermost: compose(a, b)(transport) is a(b(transport)).
import type { Interceptor, Send } from './types.js';

export function compose(...interceptors: readonly Interceptor[]): (transport: Send) => Send {
  return (transport) => interceptors.reduceRight<Send>((next, interceptor) => interceptor(next), transport);
}
