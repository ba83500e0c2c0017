// A one-shot signal: a promise and the function that settles it, for code that waits until something changes
// (a rate-limit bucket, the ledger's next write) and is woken by whoever changed it.

export interface Signal {
  promise: Promise<void>;
  resolve: () => void;
}

export function signal(): Signal {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
