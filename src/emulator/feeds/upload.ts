// Takes the feed file out of a submission (the raw JSON body, a multipart `file` field, or the supplier
// docs' {"file": "<feed>"} wrapper) and parses it. A file that does not parse is still accepted, as
// Walmart accepts it: the feed then ends in ERROR (ERR_PDI_0001), not the request in a 400.
import type { FeedDocument } from '../../sources/feed-document.js';
import { isPlainObject, splitFeedDocument } from '../../sources/feed-document.js';
import { errorReply } from '../envelope.js';
import { multipartBoundary, parseMultipart } from '../multipart.js';
import type { Reply } from '../reply.js';

export interface FeedUpload {
  text: string;
  fileName: string | undefined;
  bytes: number;
}

export type ParsedFeed = { ok: true; doc: FeedDocument } | { ok: false; reason: string };

function contentError(description: string): Reply {
  return errorReply('INVALID_REQUEST_CONTENT', 'GMP_FEED_API', { field: 'file', description });
}

export function extractUpload(body: Buffer, contentType: string | undefined, maxBytes: number): { upload: FeedUpload } | { reply: Reply } {
  const boundary = multipartBoundary(contentType);
  let data = body;
  let fileName: string | undefined;
  if (boundary !== undefined) {
    const parts = parseMultipart(body, boundary);
    if (parts === undefined) return { reply: errorReply('MALFORMED_REQUEST_CONTENT', 'GMP_FEED_API', { field: 'file', description: 'The multipart body does not follow its boundary.' }) };
    const file = parts.find((p) => p.name === 'file');
    if (file === undefined) return { reply: contentError('The multipart request has no "file" part; send the feed as -F "file=@feed.json".') };
    data = file.data;
    fileName = file.filename;
  } else if (contentType !== undefined && /^multipart\//i.test(contentType)) {
    return { reply: errorReply('MALFORMED_REQUEST_CONTENT', 'GMP_FEED_API', { field: 'Content-Type', description: 'The multipart Content-Type has no boundary.' }) };
  }
  if (data.length === 0) return { reply: contentError('The feed file is empty.') };
  if (data.length > maxBytes) {
    return { reply: errorReply('REQUEST_ENTITY_TOO_LARGE', 'GMP_FEED_API', { field: 'file', description: `The feed file is ${data.length} bytes; this API takes at most ${maxBytes}. Split the feed.` }) };
  }
  return { upload: { text: data.toString('utf8'), fileName, bytes: data.length } };
}

export function parseFeed(text: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `the file is not valid JSON (${(e as Error).message})` };
  }
  // The supplier docs show {"file": "..."}: a feed sent as a string inside JSON.
  if (isPlainObject(json) && Object.keys(json).length === 1 && typeof json.file === 'string') return parseFeed(json.file);
  try {
    return { ok: true, doc: splitFeedDocument(json) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}
