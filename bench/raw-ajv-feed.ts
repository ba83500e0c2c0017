// The raw-Ajv script for a whole JSONL feed: read line by line, JSON.parse, validate, collect errors, write
// them as JSON. A .json feed (header + MPItem[], or an array) is read and parsed whole, as such a script would.
// Usage: node dist/bench/raw-ajv-feed.js SPEC_FILE FEED.jsonl|FEED.json [--out FILE]
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { compileRawAjv } from './raw-ajv.js';
import type { RawFinding } from './raw-ajv.js';

async function main(argv: readonly string[]): Promise<number> {
  const [specFile, feedFile] = argv;
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (specFile === undefined || feedFile === undefined) {
    console.error('usage: raw-ajv-feed SPEC_FILE FEED.jsonl|FEED.json [--out FILE]');
    return 2;
  }
  const { validate } = compileRawAjv(specFile);
  const findings: RawFinding[] = [];
  let records = 0;
  let errors = 0;
  if (feedFile.endsWith('.json')) {
    // A JSON feed document: parsed whole, then its items one by one.
    const doc = JSON.parse(await readFile(feedFile, 'utf8')) as { MPItem?: unknown[] } | unknown[];
    for (const item of Array.isArray(doc) ? doc : (doc.MPItem ?? [])) {
      records++;
      if (validate(item)) continue;
      errors += validate.errors?.length ?? 0;
      findings.push({ record: records, errors: validate.errors ?? [] });
    }
  } else {
    const lines = createInterface({ input: createReadStream(feedFile, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      records++;
      const item: unknown = JSON.parse(line);
      if (!validate(item)) {
        const errs = validate.errors ?? [];
        errors += errs.length;
        findings.push({ record: records, errors: errs });
      }
    }
  }
  const report = JSON.stringify({ summary: { records, invalid: findings.length, errors }, findings }, null, 2);
  if (out !== undefined) await writeFile(out, report);
  else process.stdout.write(`${report}\n`);
  return findings.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
