// JUnit XML: well-formed, one testcase per record (and the feed header when it has issues), errors fail, warnings do not.
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, renderJunit } from '../../src/reports/junit.js';
import { FEED, RECORDS, REPORT, XLSX, singleFeedReport } from './fixture.js';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
// eslint-disable-next-line no-control-regex -- the check is for the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A small XML 1.0 well-formedness check and tree builder: enough for what the JUnit writer emits, strict about the rest. */
function parseXml(xml: string): Element {
  if (FORBIDDEN.test(xml)) throw new Error('forbidden character');
  const token = /<\?xml[^?]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|[^<]+/y;
  const root: Element = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: Element[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (m === null) throw new Error(`not well-formed at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [all, close, name, attrText, selfClose] = m;
    const top = stack.at(-1) as Element;
    if (name === undefined) {
      if (all.startsWith('<')) continue;
      if (ENTITY.test(all)) throw new Error(`bare & in text: ${all}`);
      if (stack.length === 1 && all.trim() !== '') throw new Error('text outside the root');
      top.text += decode(all);
      continue;
    }
    if (close === '/') {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) {
      const [, key = '', value = ''] = a;
      if (key in attrs) throw new Error(`duplicate attribute ${key}`);
      if (ENTITY.test(value)) throw new Error(`bare & in attribute ${key}`);
      attrs[key] = decode(value);
    }
    const el: Element = { name, attrs, children: [], text: '' };
    if (stack.length === 1 && root.children.length > 0) throw new Error('second root element');
    top.children.push(el);
    if (selfClose !== '/') stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name ?? ''}>`);
  const [doc] = root.children;
  if (doc === undefined) throw new Error('no root element');
  return doc;
}

function all(el: Element, name: string): Element[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

describe('renderJunit', () => {
  const xml = renderJunit(REPORT, { records: RECORDS });
  const doc = parseXml(xml);
  const suites = all(doc, 'testsuite');
  const byName = (suite: Element, name: string): Element | undefined => all(suite, 'testcase').find((c) => c.attrs.name === name);

  it('is well-formed XML with a declaration and a testsuites root', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toMatchObject({ tests: '27', failures: '5', errors: '0' });
  });

  it('has one testsuite per input file and one testcase per record, plus the feed header when it has issues', () => {
    expect(suites.map((s) => s.attrs.name)).toEqual([XLSX, FEED]);
    const [xlsx, feed] = suites as [Element, Element];
    expect(all(xlsx, 'testcase')).toHaveLength(20 + 1);
    expect(all(feed, 'testcase')).toHaveLength(5 + 1);
    expect(xlsx.attrs).toMatchObject({ tests: '21', failures: '3' });
    expect(feed.attrs).toMatchObject({ tests: '6', failures: '2' });
    expect(all(xlsx, 'testcase')[0]?.attrs.name).toBe('Feed header');
    expect(all(feed, 'testcase').map((c) => c.attrs.name)).toEqual(['Feed header', 'Record 1', 'Record 2', 'Record 3 · SKU A-3', 'Record 4 · SKU @A-4', 'Record 5']);
  });

  it('names spreadsheet testcases by row and SKU, and fails them with every error message and hint', () => {
    const xlsx = suites[0] as Element;
    const row14 = byName(xlsx, 'Row 14 · SKU TS-104');
    expect(row14?.attrs.classname).toBe(XLSX);
    const [failure] = all(row14 as Element, 'failure');
    expect(failure?.attrs.type).toBe('schema.enum');
    expect(failure?.attrs.message).toBe('Gender is "Mle"; it must be one of Unisex, Male, Female. Did you mean "Male"?');
    expect(failure?.text).toContain('error [schema.enum] Items!K14 Visible.Clothing.gender: Gender is "Mle"');
    expect(failure?.text).toContain('→ Did you mean "Male"?');
    // The warning on the same record does not fail it again: it goes to system-out.
    expect(failure?.text).not.toContain('image.not_https');
    expect(all(row14 as Element, 'system-out')[0]?.text).toContain('warning [image.not_https] Items!AA14');
  });

  it('passes records with warnings only, and records without issues', () => {
    const feed = suites[1] as Element;
    const warned = byName(feed, 'Record 4 · SKU @A-4') as Element;
    expect(all(warned, 'failure')).toHaveLength(0);
    expect(all(warned, 'system-out')[0]?.text).toContain('Something new.');
    expect(byName(feed, 'Record 5')?.children).toEqual([]);
    const header = byName(suites[0] as Element, 'Feed header') as Element;
    expect(all(header, 'failure')).toHaveLength(0);
    expect(all(byName(feed, 'Feed header') as Element, 'failure')[0]?.attrs.type).toBe('header.version_mismatch');
  });

  it('escapes markup, keeps line breaks in attributes and shows characters XML 1.0 forbids', () => {
    const row6 = byName(suites[0] as Element, 'Row 6 · SKU -TS-105') as Element;
    const failure = all(row6, 'failure')[0] as Element;
    expect(failure.attrs.message).toContain('"0360002914 <&> \\u0007"');
    expect(failure.attrs.message).toContain('036000291452,\r\nor copy');
    expect(failure.text).toContain('<&> \\u0007');
    expect(xml).not.toContain('\u0007');
    expect(escapeXmlText('a\u0000b\uFFFEc\uD800d')).toBe('a\\u0000b\uFFFDc\uFFFDd');
    expect(escapeXmlText('🙂 <b>')).toBe('🙂 &lt;b&gt;');
    expect(escapeXmlAttribute(`"x" & 'y'\n\t`)).toBe('&quot;x&quot; &amp; &apos;y&apos;&#10;&#9;');
  });

  it('gives one input a suite named for it, counting summary.records', () => {
    const single = parseXml(renderJunit(singleFeedReport(), { source: 'clothing.json' }));
    const [suite] = all(single, 'testsuite');
    expect(suite?.attrs).toMatchObject({ name: 'clothing.json', tests: '6', failures: '2' });
  });

  it('puts one input in one suite when its record count is given by name', () => {
    const single = parseXml(renderJunit(singleFeedReport(), { source: 'clothing.json', records: { 'clothing.json': 7 } }));
    expect(all(single, 'testsuite').map((s) => [s.attrs.name, s.attrs.tests])).toEqual([['clothing.json', '8']]);
    const clean = parseXml(renderJunit({ summary: { records: 2, valid: 2, invalid: 0, errors: 0, warnings: 0, infos: 0 }, issues: [] }, { source: 'a.csv' }));
    expect(all(clean, 'testsuite').map((s) => [s.attrs.name, s.attrs.tests])).toEqual([['a.csv', '2']]);
  });

  it('counts up to the highest record with an issue when several inputs come without record counts', () => {
    const doc2 = parseXml(renderJunit(REPORT));
    expect(all(doc2, 'testsuite').map((s) => s.attrs.tests)).toEqual(['14', '5']);
  });

  it('writes passing testcases for a clean run', () => {
    const clean = parseXml(renderJunit({ summary: { records: 3, valid: 3, invalid: 0, errors: 0, warnings: 0, infos: 0 }, issues: [] }));
    expect(all(clean, 'testcase').map((c) => c.attrs.name)).toEqual(['Record 1', 'Record 2', 'Record 3']);
    expect(clean.attrs).toMatchObject({ tests: '3', failures: '0' });
  });
});
