// Takes the spreadsheet from a multipart/form-data request (field `file`) with busboy, streamed to a file in
// the request's private temp directory under the name the user gave it (made safe), within a size limit.
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { megabytes } from './request-body.js';
import { ServiceError } from './service-error.js';

export interface Upload {
  path: string;
  /** The file name as the user gave it, made safe for a path, a header and a message. */
  name: string;
  bytes: number;
}

export interface UploadLimits {
  maxFileBytes: number;
}

export const SHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.tsv', '.txt'];
/** Multipart headers and boundaries around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** The last path segment, without control or unusual characters, at most 120 characters; "upload" if nothing is left. */
export function safeFileName(given: string): string {
  const base = given.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()+-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (clean.length <= 120) return clean === '' ? 'upload' : clean;
  const ext = extname(clean);
  return clean.slice(0, 120 - ext.length) + ext;
}

function fileTooLarge(limit: number): ServiceError {
  return new ServiceError(413, 'FILE_TOO_LARGE', `The file is larger than the ${megabytes(limit)} this server accepts. Split the sheet, or run catalog-gate validate on it.`);
}

export function receiveUpload(req: IncomingMessage, dir: string, limits: UploadLimits): Promise<Upload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    req.resume();
    return Promise.reject(new ServiceError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the spreadsheet as multipart/form-data with the file in a field named "file" (curl -F file=@catalog.xlsx).'));
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limits.maxFileBytes + ENVELOPE_BYTES) {
    req.resume();
    return Promise.reject(fileTooLarge(limits.maxFileBytes));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: limits.maxFileBytes, fields: 32, fieldSize: 64 * 1024, parts: 64, headerPairs: 64 } });
  } catch (e) {
    req.resume();
    return Promise.reject(new ServiceError(400, 'BAD_MULTIPART', `The multipart body cannot be read (${(e as Error).message}).`));
  }
  return new Promise<Upload>((resolve, reject) => {
    let saving: Promise<Upload> | undefined;
    let refused: ServiceError | undefined;
    let truncated = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || saving !== undefined || refused !== undefined) {
        stream.resume();
        return;
      }
      const name = safeFileName(info.filename ?? '');
      if (!SHEET_EXTENSIONS.includes(extname(name).toLowerCase())) {
        refused = new ServiceError(415, 'UNSUPPORTED_FILE_TYPE', `${name} is not a spreadsheet catalog-gate reads; upload an .xlsx or .csv file.`);
        stream.resume();
        return;
      }
      const path = join(dir, name);
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.once('limit', () => (truncated = true));
      saving = pipeline(stream, createWriteStream(path, { flags: 'wx' })).then(() => ({ path, name, bytes }));
      // Seen again at 'close'; this keeps an early failure from being unhandled meanwhile.
      saving.catch(() => undefined);
    });
    parser.once('error', (e: Error) => {
      req.unpipe(parser);
      req.resume();
      reject(new ServiceError(400, 'BAD_MULTIPART', `The multipart body cannot be read (${e.message}).`));
    });
    parser.once('close', () => {
      if (refused !== undefined) return reject(refused);
      if (truncated) return reject(fileTooLarge(limits.maxFileBytes));
      if (saving === undefined) return reject(new ServiceError(400, 'MISSING_FILE', 'The request has no file in a field named "file"; send the spreadsheet as that field (curl -F file=@catalog.xlsx).'));
      saving.then(resolve, () => reject(new ServiceError(400, 'REQUEST_ABORTED', 'The file did not arrive whole.')));
    });
    req.once('error', () => reject(new ServiceError(400, 'REQUEST_ABORTED', 'The file did not arrive whole.')));
    req.pipe(parser);
  });
}
