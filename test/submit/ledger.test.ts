import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLine, readJournal } from '../../src/submit/journal.js';
import { LEDGER_FILE, Ledger, LedgerState } from '../../src/submit/ledger.js';
import type { LedgerEntry } from '../../src/submit/ledger.js';

const anything = (_v: unknown): _v is unknown => true;

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'cg-ledger-'));
}

const intent = (feed: string, ...keys: Array<[string, string]>): LedgerEntry => ({ t: 'intent', feed, feedType: 'MP_ITEM', at: 1, records: keys.map(([k, h], i) => ({ k, h, n: i + 1, sku: k })) });

describe('journal', () => {
  it('tells a waiter when the next write is on disk, once per write', async () => {
    const ledger = Ledger.open(dir());
    let woken = 0;
    const first = ledger.nextWrite().then(() => woken++);
    await Promise.resolve();
    expect(woken).toBe(0);
    ledger.write(intent('a.json', ['MP_ITEM|A', 'h1']));
    await first;
    expect(woken).toBe(1);
    expect(ledger.state.feeds.has('a.json')).toBe(true);
    // A new wait is for the write after that one.
    let again = false;
    const second = ledger.nextWrite().then(() => (again = true));
    await Promise.resolve();
    expect(again).toBe(false);
    ledger.write({ t: 'sent', feed: 'a.json', feedId: 'F1', at: 2 });
    await second;
    expect(again).toBe(true);
    ledger.close();
  });

  it('drops a torn last line and appends after the last whole one', () => {
    const d = dir();
    const ledger = Ledger.open(d);
    ledger.write(intent('a.json', ['A', 'h1']));
    ledger.close();
    const file = join(d, LEDGER_FILE);
    appendFileSync(file, encodeLine({ t: 'sent', feed: 'a.json', feedId: 'F1', at: 2 }).slice(0, 30));
    const reopened = Ledger.open(d);
    expect(reopened.state.feeds.get('a.json')?.state).toBe('sending');
    reopened.write({ t: 'sent', feed: 'a.json', feedId: 'F1', at: 3 });
    reopened.close();
    const read = readJournal(file, anything);
    expect(read.tornTail).toBe(false);
    expect(read.entries).toHaveLength(2);
  });

  it('refuses a ledger damaged before its last line, naming the line', () => {
    const d = dir();
    const file = join(d, LEDGER_FILE);
    writeFileSync(file, encodeLine(intent('a.json', ['A', 'h1'])) + 'xxxxxxxx {"t":"sent"}\n' + encodeLine(intent('b.json', ['B', 'h2'])));
    expect(() => Ledger.open(d)).toThrow(/damaged at line 2/);
  });

  it('detects an edited line by its checksum', () => {
    const d = dir();
    const file = join(d, LEDGER_FILE);
    writeFileSync(file, encodeLine(intent('a.json', ['A', 'h1'])).replace('"h1"', '"h2"') + encodeLine(intent('b.json', ['B', 'h2'])));
    expect(() => Ledger.open(d)).toThrow(/damaged at line 1/);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
  });
});

describe('ledger state', () => {
  it('follows a record from sending to its verdict', () => {
    const s = new LedgerState();
    s.apply(intent('a.json', ['A', 'h1'], ['B', 'h1']));
    expect(s.unconfirmed().map((f) => f.fileName)).toEqual(['a.json']);
    s.apply({ t: 'sent', feed: 'a.json', feedId: 'F1', at: 2 });
    expect(s.pending().map((f) => f.feedId)).toEqual(['F1']);
    s.apply({ t: 'result', feed: 'a.json', feedId: 'F1', at: 3, feedStatus: 'PROCESSED', items: [{ k: 'A', h: 'h1', s: 'succeeded' }, { k: 'B', h: 'h1', s: 'failed', e: [{ code: 'X' }] }] });
    expect(s.records.get('A')).toMatchObject({ state: 'succeeded', feedId: 'F1' });
    expect(s.records.get('B')).toMatchObject({ state: 'failed', errors: [{ code: 'X' }] });
    expect(s.pending()).toEqual([]);
  });

  it('keeps a late verdict on an older feed from overriding the record sent again since', () => {
    const s = new LedgerState();
    s.apply(intent('a.json', ['A', 'h1']));
    s.apply({ t: 'sent', feed: 'a.json', feedId: 'F1', at: 2 });
    s.apply(intent('b.json', ['A', 'h2']));
    s.apply({ t: 'result', feed: 'a.json', feedId: 'F1', at: 3, feedStatus: 'PROCESSED', items: [{ k: 'A', h: 'h1', s: 'failed' }] });
    expect(s.records.get('A')).toMatchObject({ hash: 'h2', state: 'sending', feed: 'b.json' });
  });

  it('puts the records of an unsent feed back', () => {
    const s = new LedgerState();
    s.apply(intent('a.json', ['A', 'h1']));
    s.apply({ t: 'unsent', feed: 'a.json', at: 2, reason: '413' });
    expect(s.records.get('A')?.state).toBe('unsent');
    expect(s.unconfirmed()).toEqual([]);
  });
});
