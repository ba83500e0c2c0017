// A multipart/form-data body with one `file` part, built as bytes so a retry can replay it exactly
// (a streamed FormData body could not be sent twice).
import { randomBytes } from 'node:crypto';

export interface MultipartBody {
  contentType: string;
  body: Buffer;
}

export function multipartFile(content: string | Uint8Array, options: { fieldName?: string; fileName?: string; contentType?: string } = {}): MultipartBody {
  const boundary = `----catalog-gate-${randomBytes(12).toString('hex')}`;
  const field = options.fieldName ?? 'file';
  // Quotes and line breaks in a file name would break the part header.
  const fileName = (options.fileName ?? 'feed.json').replace(/["\r\n]/g, '_');
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
    `Content-Type: ${options.contentType ?? 'application/json'}\r\n\r\n`;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}
