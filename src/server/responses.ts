// Writing answers: JSON with the headers every API answer carries, errors in the contract's shape, and
// report files as attachments named after the upload.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileFormat, JobOutput } from './jobs.js';
import type { ErrorAnswer } from './service-error.js';

const COMMON = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function sendText(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, text: string | Uint8Array, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { ...COMMON, 'Content-Type': contentType, 'Content-Length': typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength, ...headers });
  res.end(req.method === 'HEAD' ? undefined : text);
}

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  sendText(req, res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** `close`: the request body may not have been read whole, so the connection is not reused. */
export function sendError(req: IncomingMessage, res: ServerResponse, answer: ErrorAnswer, close = false): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (close) headers.Connection = 'close';
  sendText(req, res, answer.status, 'application/json; charset=utf-8', JSON.stringify({ error: { code: answer.code, message: answer.message } }), headers);
}

const SUFFIX: Readonly<Partial<Record<FileFormat, string>>> = { xlsx: '-checked.xlsx', csv: '-issues.csv', sarif: '.sarif', junit: '-junit.xml' };

/** `attachment` with an ASCII name and the exact one in RFC 5987 form. */
export function attachment(upload: string, format: FileFormat): string | undefined {
  const suffix = SUFFIX[format];
  if (suffix === undefined) return undefined;
  const name = `${upload.slice(0, upload.length - extname(upload).length)}${suffix}`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function sendOutput(req: IncomingMessage, res: ServerResponse, output: JobOutput, disposition: string | undefined): Promise<void> {
  const headers: Record<string, string> = disposition === undefined ? {} : { 'Content-Disposition': disposition };
  if (output.kind === 'bytes') return sendText(req, res, 200, output.contentType, output.bytes, headers);
  const { size } = await stat(output.path);
  res.writeHead(200, { ...COMMON, 'Content-Type': output.contentType, 'Content-Length': size, ...headers });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(output.path), res);
}
