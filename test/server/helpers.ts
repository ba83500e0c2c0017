// The service in-process on 127.0.0.1 port 0 (its workers run the TypeScript sources), and small request helpers.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startServer } from '../../src/server/index.js';
import type { RunningServer, ServeOptions } from '../../src/server/index.js';

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, workers: 2, ...options });
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Posts `content` as multipart field `field` (default `file`) under `name`. */
export function fileForm(content: Buffer | string, name: string, field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return form;
}

export async function formFor(path: string): Promise<FormData> {
  return fileForm(await readFile(path), basename(path));
}

export async function postFile(url: string, form: FormData, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: form, headers });
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Expects the contract's error shape with `status` and `code`; returns the message. */
export async function expectError(res: Response, status: number, code: string): Promise<string> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status} ${code}, got ${res.status}: ${text}`);
  const body = JSON.parse(text) as ErrorBody;
  if (body.error.code !== code) throw new Error(`expected code ${code}, got ${body.error.code}: ${body.error.message}`);
  if (body.error.message.includes('\n') || /\bat .+:\d+:\d+/.test(body.error.message)) throw new Error(`not one line: ${body.error.message}`);
  return body.error.message;
}

/** A CSV of the clean sample's rows repeated to `rows` rows, each with its own SKU: seconds of work for a worker. */
export async function bigCsv(rows: number): Promise<string> {
  const { SAMPLES } = await import('../helpers/paths.js');
  const lines = (await readFile(`${SAMPLES}sheets/catalog-v5-clean.csv`, 'utf8')).trim().split(/\r?\n/);
  const [header, ...data] = lines as [string, ...string[]];
  const out = [header];
  for (let i = 0; i < rows; i++) {
    const line = data[i % data.length] as string;
    const cells = line.split(',');
    cells[1] = `BIG-${i}`;
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}
