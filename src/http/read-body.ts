// A request body read up to a size limit: past it, buffering stops and the rest is drained, so a 413 can
// still be written and read. Shared by the emulator and the validation service (src/http holds what both HTTP servers need).
import type { IncomingMessage } from 'node:http';

export type Body = Buffer | 'too-large' | 'aborted';

export type BodyChunks = Buffer[] | 'too-large' | 'aborted';

/** The body as it arrived, in chunks (each a buffer of its own from Node's HTTP parser), not joined. */
export function readBodyChunks(req: IncomingMessage, limit: number): Promise<BodyChunks> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        // Keep draining so the 413 can be written; the connection closes after it.
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks));
    req.on('error', () => resolve('aborted'));
    req.on('aborted', () => resolve('aborted'));
  });
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const chunks = await readBodyChunks(req, limit);
  if (typeof chunks === 'string') return chunks;
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}
