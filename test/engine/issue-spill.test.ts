// Issues kept on disk come back as collect() orders them: by record, stably, late ones (feed rules) merged in.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issue } from '../../src/core/issue.js';
import { IssueSpill } from '../../src/engine/issue-spill.js';

function issue(record: number, code: string, severity: Issue['severity'] = 'error'): Issue {
  return { code, severity, record, path: '', field: '', message: `${code} on ${record} "quoted" \u2028 \ud800 ünïcode\n`, hint: undefined as unknown as string };
}

describe('IssueSpill', () => {
  it('gives back the issues sorted as a stable sort by record would', () => {
    const pushed = [
      issue(0, 'header'),
      issue(1, 'a'),
      issue(1, 'b'),
      issue(3, 'c'),
      issue(2, 'late.two'),
      issue(3, 'd'),
      issue(1, 'late.one'),
      issue(5, 'e'),
      issue(0, 'feed.zero'),
      issue(3, 'late.three'),
      issue(9, 'finish.nine'),
    ];
    const spill = new IssueSpill();
    try {
      for (const i of pushed) spill.push(i);
      const expected = pushed.map((i) => JSON.parse(JSON.stringify(i)) as Issue).sort((a, b) => a.record - b.record);
      expect([...spill]).toEqual(expected);
      // Read again: the same.
      expect([...spill].map((i) => i.code)).toEqual(expected.map((i) => i.code));
      expect(spill.length).toBe(pushed.length);
    } finally {
      spill.dispose();
    }
  });

  it('holds many issues and tells the severities it saw', () => {
    const spill = new IssueSpill();
    try {
      for (let r = 1; r <= 20_000; r++) spill.push(issue(r, 'w', 'warning'));
      let n = 0;
      for (const i of spill) expect(i.record).toBe(++n);
      expect(n).toBe(20_000);
      expect(spill.hasAtLeast('warning')).toBe(true);
      expect(spill.hasAtLeast('error')).toBe(false);
      expect(spill.hasAtLeast('info')).toBe(true);
    } finally {
      spill.dispose();
    }
  });

  it('is empty when nothing was pushed, and leaves no file behind', () => {
    const saved = process.env.TMPDIR;
    const tmp = mkdtempSync(join(tmpdir(), 'spill-test-'));
    process.env.TMPDIR = tmp;
    try {
      const spill = new IssueSpill();
      expect(readdirSync(tmp)).toHaveLength(1);
      expect([...spill]).toEqual([]);
      expect(spill.hasAtLeast('info')).toBe(false);
      spill.dispose();
      spill.dispose();
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
