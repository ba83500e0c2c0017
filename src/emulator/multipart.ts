// Just enough multipart/form-data to take a feed file from a form field, as Walmart's feed endpoints
// accept it (curl -F "file=@item.json"). Works on the whole body in memory; bodies are size-capped first.

export interface FormPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** The boundary of a multipart Content-Type, or undefined when it is not multipart/form-data. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function headerParam(header: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  const v = m?.[1] ?? m?.[2];
  return v?.replace(/\\(.)/g, '$1');
}

/** The parts of a multipart body; undefined when the body does not follow the boundary. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    let disposition = '';
    let contentType: string | undefined;
    for (const h of headers) {
      const colon = h.indexOf(':');
      const key = h.slice(0, colon).trim().toLowerCase();
      const value = h.slice(colon + 1).trim();
      if (key === 'content-disposition') disposition = value;
      else if (key === 'content-type') contentType = value;
    }
    const name = headerParam(disposition, 'name');
    if (name !== undefined) parts.push({ name, filename: headerParam(disposition, 'filename'), contentType, data: body.subarray(headerEnd + 4, next) });
    pos = next + 2;
  }
}

/**
 * The file name of a multipart body's `file` part, read from the part headers at its start only (the body
 * itself is not parsed): what the access log shows of a feed submission, faulted or not.
 */
export function peekFileName(body: Buffer): string | undefined {
  const head = body.subarray(0, 8192).toString('latin1');
  const line = /^content-disposition:[^\r\n]*;\s*name="?file"?(?:;[^\r\n]*)?$/im.exec(head)?.[0];
  return line === undefined ? undefined : headerParam(line, 'filename');
}
