// GitHub Actions workflow commands: one line per issue, escaped as the runner decodes them.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../../src/reports/github.js';
import { REPORT, singleFeedReport } from './fixture.js';

/** What the runner does: split `::cmd props::message`, then undo the escapes. */
function parse(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (m === null) throw new Error(`not a workflow command: ${line}`);
  const [, command = '', propText = '', data = ''] = m;
  const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(propText.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
  return { command, props, message: unescape(data) };
}

describe('renderGithub', () => {
  const out = renderGithub(REPORT);
  const lines = out.split('\n').filter((l) => l !== '');

  it('writes one line per issue, nothing else', () => {
    expect(out.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(REPORT.issues.length);
    expect(out.split('\n')).toHaveLength(REPORT.issues.length + 1);
    expect(renderGithub({ summary: REPORT.summary, issues: [] })).toBe('');
  });

  it('annotates spreadsheet issues with file, line and column number', () => {
    expect(lines[3]).toBe(
      '::error file=items/My Items.xlsx,line=14,col=11,title=Value not in the allowed list [schema.enum]::' +
        'Row 14 · SKU TS-104 · Items!K14: Gender is "Mle"; it must be one of Unisex, Male, Female.%0ADid you mean "Male"?',
    );
    expect(parse(lines[4] as string)).toMatchObject({ command: 'warning', props: { line: '14', col: '27' } });
    // No column: the line alone.
    expect(parse(lines[1] as string).props).toEqual({ file: 'items/My Items.xlsx', line: '3', title: 'Required attribute missing [schema.required]' });
  });

  it('leaves line and col out for JSON feeds and maps info to notice', () => {
    const typeLine = parse(lines[6] as string);
    expect(typeLine.props).toEqual({ file: 'feeds/clothing.json', title: 'Wrong kind of value [schema.type]' });
    expect(typeLine.message).toBe('Record 3 · SKU A-3 · Visible.Clothing.price: Price is "$12"; it must be a number.\nWrite it as the number 12.');
    expect(parse(lines[7] as string).command).toBe('notice');
    expect(parse(lines[5] as string).message.startsWith('Feed header · MPItemFeedHeader.version: ')).toBe(true);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(lines[2]).toContain('title=Wrong check digit in GTIN%2C UPC or EAN [gtin.check_digit]::');
    expect(lines[2]).toContain('50%25 sure: use 036000291452,%0D%0Aor copy it again.');
    expect(parse(lines[2] as string).message).toContain('50% sure: use 036000291452,\r\nor copy it again.');
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
    // %3A in the input must not come back as a colon.
    expect(escapeProperty('%3A')).toBe('%253A');
    const odd = renderGithub(singleFeedReport(), { source: 'in,put:1.json' });
    expect(odd).toContain('::error file=in%2Cput%3A1.json,title=');
    for (const line of odd.trimEnd().split('\n')) expect(parse(line).props.file).toBe('in,put:1.json');
  });

  it('omits file when an issue has none and no source is given, and makes absolute paths relative to baseDir', () => {
    expect(renderGithub(singleFeedReport())).toMatch(/^::error title=/);
    expect(renderGithub(singleFeedReport(), { source: '/ws/feeds/a.json', baseDir: '/ws' })).toMatch(/^::error file=feeds\/a\.json,title=/);
  });
});
