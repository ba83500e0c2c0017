// The web page in headless Chromium against the real service (`catalog-gate serve`): upload the sample sheets, see
// the marked cells and the same counts as the CLI, filter the issues, jump to a cell, download the annotated workbook
// and the issues CSV, use it with the keyboard only, and give the token when the server has one. Screenshots go to
// .scratch/screenshots/ (gitignored) for a person to look at.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { columnNumber } from '../../../src/reports/sarif.js';
import { cli } from '../../helpers/cli.js';
import { SAMPLES } from '../../helpers/paths.js';
import { HAS_CHROMIUM, SKIP_REASON, launchChromium, openPage, screenshot } from './browser.js';
import type { OpenPage } from './browser.js';
import { startServe } from './serve-process.js';
import type { ServeProcess } from './serve-process.js';

const XLSX = join(SAMPLES, 'sheets/catalog-v5-errors.xlsx');
const CSV = join(SAMPLES, 'sheets/catalog-v5-errors.csv');
const CLEAN_CSV = join(SAMPLES, 'sheets/catalog-v5-clean.csv');
const TIMEOUT = 90_000;

interface CliIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  row?: number;
  column?: string;
  cell?: string;
}
interface CliReport {
  summary: Record<'records' | 'valid' | 'invalid' | 'errors' | 'warnings' | 'infos', number>;
  issues: CliIssue[];
}

function cliReport(file: string): CliReport {
  const r = cli(['validate', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(1);
  return JSON.parse(r.stdout) as CliReport;
}

/** "U" -> 20, as the grid's cell ids number columns (from 0). */
function colIndex(letters: string): number {
  return (columnNumber(letters) ?? 0) - 1;
}

function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'cg-web-'));
}

async function check(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#file', file);
  await page.click('#check');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  await page.locator('#status', { hasText: /^Checked / }).waitFor();
}

async function summaryOnPage(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const dd of await page.locator('#summary [data-count]').all()) {
    out[(await dd.getAttribute('data-count')) ?? ''] = Number(((await dd.textContent()) ?? '').replace(/,/g, ''));
  }
  return out;
}

/** The id of the focused element, or its class when it has none. */
async function focusedId(page: Page): Promise<string> {
  const el = page.locator('*:focus');
  return (await el.getAttribute('id', { timeout: 2000 })) ?? (await el.getAttribute('class', { timeout: 2000 })) ?? '';
}

async function values(page: Page, selector: string, attr = 'value'): Promise<string[]> {
  const out: string[] = [];
  for (const el of await page.locator(selector).all()) out.push((await el.getAttribute(attr)) ?? '');
  return out;
}

describe.skipIf(!HAS_CHROMIUM)(`web page in Chromium (skipped when ${SKIP_REASON.split(':')[0] ?? ''})`, () => {
  let server: ServeProcess;
  let browser: Browser;
  let open: OpenPage | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServe(), launchChromium()]);
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    if (open !== undefined) {
      const problems = open.problems;
      await open.context.close();
      open = undefined;
      expect(problems, 'no script errors, CSP violations or requests elsewhere').toEqual([]);
    }
  });

  async function load(): Promise<Page> {
    open = await openPage(browser, `${server.url}/`);
    await open.page.locator('#feed-type option').nth(1).waitFor({ state: 'attached' });
    return open.page;
  }

  it('checks the xlsx: every issue cell marked by severity, summary counts equal to the CLI', async () => {
    const page = await load();
    await screenshot(page, '01-start');
    await check(page, XLSX);
    const expected = cliReport(XLSX);
    expect(await summaryOnPage(page)).toEqual(expected.summary);

    for (const issue of expected.issues) {
      if (issue.row === undefined || issue.column === undefined) continue;
      const cell = page.locator(`#cell-${issue.row}-${colIndex(issue.column)}`);
      await expect.poll(() => cell.getAttribute('class')).toContain(`mark-${issue.severity}`);
      // The message is in the cell for screen readers, not only its colour.
      expect(await cell.textContent()).toContain(issue.code);
    }
    expect(await page.locator('#grid .mark').count()).toBe(new Set(expected.issues.map((i) => i.cell)).size);
    expect(await page.locator('#issue-list > li').count()).toBe(expected.issues.length);
    expect(await page.textContent('#summary-codes')).toContain('schema.conditional_required ×2');
    await screenshot(page, '02-xlsx-results');
  }, TIMEOUT);

  it('checks the csv the same way (Excel-exported ID in scientific notation marked on D7)', async () => {
    const page = await load();
    await check(page, CSV);
    const expected = cliReport(CSV);
    expect(await summaryOnPage(page)).toEqual(expected.summary);
    expect(await page.getAttribute(`#cell-7-${colIndex('D')}`, 'class')).toContain('mark-error');
    expect(await page.textContent(`#cell-7-${colIndex('D')} .v`)).toBe('8.12345E+11');
    await screenshot(page, '03-csv-results');
  }, TIMEOUT);

  it('filters the issues by severity, code, column and words', async () => {
    const page = await load();
    await check(page, XLSX);
    const items = page.locator('#issue-list > li');
    await page.selectOption('#filter-severity', 'warning');
    expect(await items.count()).toBe(3);
    expect(await page.textContent('#issue-count')).toBe('Showing 3 of 8 issues.');
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-code', 'schema.conditional_required');
    expect(await items.allTextContents()).toEqual([expect.stringContaining('AN6'), expect.stringContaining('AW8')]);
    await page.selectOption('#filter-code', '');
    await page.selectOption('#filter-column', 'U');
    expect(await items.allTextContents()).toEqual([expect.stringContaining('Gender is "Mle"')]);
    expect(await page.locator('#filter-column option').allTextContents()).toContain('U · Gender (1)');
    await page.selectOption('#filter-column', '');
    await page.fill('#filter-text', 'gr-hose');
    expect(await items.count()).toBe(2);
    await screenshot(page, '04-filtered');
  }, TIMEOUT);

  it('clicking an issue scrolls its cell into view, focuses it and shows its message', async () => {
    const page = await load();
    await check(page, XLSX);
    await page.locator('#issue-list button', { hasText: 'AW8' }).click();
    const id = `cell-8-${colIndex('AW')}`;
    expect(await focusedId(page)).toBe(id);
    // In view: inside the grid's scrolled box and inside the window.
    const cell = await page.locator(`#${id}`).boundingBox();
    const box = await page.locator('#grid-scroll').boundingBox();
    const viewport = page.viewportSize();
    if (cell === null || box === null || viewport === null) throw new Error('no layout for the cell or the grid');
    expect(cell.x).toBeGreaterThanOrEqual(box.x);
    expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
    expect(cell.y).toBeGreaterThanOrEqual(Math.max(box.y, 0));
    expect(cell.y + cell.height).toBeLessThanOrEqual(Math.min(box.y + box.height, viewport.height));
    await page.waitForSelector('#cell-tip:not([hidden])');
    expect(await page.textContent('#cell-tip')).toContain('California Prop 65 Warning Text is missing');
    await screenshot(page, '05-jump-to-cell');
  }, TIMEOUT);

  it('downloads the annotated workbook (fills and notes) and the issues CSV under the server\'s names', async () => {
    const page = await load();
    await check(page, XLSX);
    const dir = scratchDir();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    expect(xlsx.suggestedFilename()).toBe('catalog-v5-errors-checked.xlsx');
    const xlsxPath = join(dir, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const items = wb.worksheets[0];
    const u4 = items?.getCell('U4');
    expect(u4?.value).toBe('Mle');
    expect(JSON.stringify(u4?.fill)).toMatch(/FF/);
    expect(JSON.stringify(u4?.note)).toContain('Did you mean');
    expect(JSON.stringify(items?.getCell('AN6').fill)).toMatch(/FF/);
    expect(wb.getWorksheet('Issues')?.rowCount).toBe(9);
    await page.locator('#status', { hasText: 'Downloaded catalog-v5-errors-checked.xlsx.' }).waitFor();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    expect(csv.suggestedFilename()).toBe('catalog-v5-errors-issues.csv');
    const csvPath = join(dir, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(9);
    expect(lines.join('\n')).toContain('schema.enum');
    await screenshot(page, '06-downloaded');
  }, TIMEOUT);

  it('works with the keyboard only: tab order, Enter to check, Enter/Space on an issue, Escape back', async () => {
    const page = await load();
    // Headless Chromium has no file chooser to drive from the keyboard; the file is set, the rest is keys.
    await page.setInputFiles('#file', XLSX);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedId(page));
    }
    // The version select is disabled until a feed type is chosen, so it is not a stop.
    expect(order).toEqual(['skip-link', 'file', 'feed-type', 'product-type', 'sheet-name', 'check']);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    expect(await focusedId(page)).toBe('results-title');

    const stops: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focusedId(page));
    }
    expect(stops).toEqual(['download-xlsx', 'download-csv', 'filter-severity', 'filter-code', 'filter-column', 'filter-text', 'issue issue-warning']);
    expect(await page.locator('*:focus').textContent()).toContain('AX1');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe(`cell-1-${colIndex('AX')}`);
    await page.keyboard.press('Escape');
    expect(await page.locator('*:focus').textContent()).toContain('AX1');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    expect(await focusedId(page)).toBe(`cell-3-${colIndex('AB')}`);
    // Focus is visible: the marked cell draws an outline when focused from the keyboard.
    expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await screenshot(page, '07-keyboard');
  }, TIMEOUT);

  it('names every control in the accessibility tree, and has a status region', async () => {
    const page = await load();
    await check(page, XLSX);
    const tree = await page.locator('body').ariaSnapshot();
    // A control without a name shows as a bare role: `- combobox`, `- button`, `- textbox` with nothing after it.
    const unnamed = tree.split('\n').filter((l) => /^\s*- (button|textbox|combobox|checkbox|searchbox|listbox)\s*(\[[^\]]*\])?\s*:?$/.test(l));
    expect(unnamed).toEqual([]);
    for (const name of ['Feed type', 'Spec version', 'Product type', 'Severity', 'Code', 'Column', 'Search']) {
      expect(tree).toMatch(new RegExp(`- (combobox|textbox|searchbox) "${name}`));
    }
    expect(tree).toContain('- button "Check spreadsheet"');
    expect(tree).toContain('- checkbox "Only rows with issues"');
    expect(await page.getAttribute('#status', 'role')).toBe('status');
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
  }, TIMEOUT);

  it('picks feed type and version from the cache and searches product types', async () => {
    const page = await load();
    const feedTypes = await values(page, '#feed-type option');
    expect(feedTypes[0]).toBe('');
    expect(feedTypes).toContain('MP_ITEM');
    expect(await page.isDisabled('#spec-version')).toBe(true);
    await page.selectOption('#feed-type', 'MP_ITEM');
    const versions = await values(page, '#spec-version option');
    expect(versions).toEqual(expect.arrayContaining(['', '4.3']));
    await page.selectOption('#feed-type', '');
    await page.fill('#product-type', 'hose');
    await page.locator('#product-type-options option').first().waitFor({ state: 'attached' });
    const options = await values(page, '#product-type-options option');
    expect(options).toContain('Garden Hoses');
    expect(await page.textContent('#product-type-help')).toMatch(/1 product type matches "hose"|product types match "hose"/);
    // A typo: nothing matches, the taxonomy's nearest names are offered as buttons that fill the field.
    await page.fill('#product-type', 'T-Shrits');
    const suggestion = page.locator('#product-type-help button', { hasText: 'T-Shirts' });
    await suggestion.waitFor();
    expect(await page.textContent('#product-type-help')).toContain('No product type matches "T-Shrits". Did you mean');
    await screenshot(page, '08-product-type-search');
    await suggestion.click();
    expect(await page.inputValue('#product-type')).toBe('T-Shirts');
    expect(await focusedId(page)).toBe('product-type');
  }, TIMEOUT);

  it('takes a dropped file, and checks against the feed type and version chosen', async () => {
    const page = await load();
    const text = readFileSync(CSV, 'utf8');
    // A drop as the browser delivers it: a DataTransfer holding the file (built in the page; there is no OS drag here).
    const dataTransfer = await page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(text)}], 'dropped.csv', { type: 'text/csv' })); return dt; })()`,
    );
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
    expect(await page.textContent('#file-chosen')).toMatch(/^Chosen: dropped\.csv/);
    expect(await focusedId(page)).toBe('check');
    await page.selectOption('#feed-type', 'MP_ITEM');
    const version = (await values(page, '#spec-version option')).find((v) => v.includes('synthetic')) ?? '';
    expect(version).not.toBe('');
    await page.selectOption('#spec-version', version);
    await page.click('#check');
    await page.locator('#status', { hasText: /^Checked / }).waitFor({ timeout: 60_000 });
    expect(await page.textContent('#summary-source')).toBe(`dropped.csv against MP_ITEM ${version}`);
    expect(await summaryOnPage(page)).toEqual(cliReport(CSV).summary);
  }, TIMEOUT);

  it('shows sheet text as text: markup in a cell is not run or rendered', async () => {
    const page = await load();
    const dir = scratchDir();
    const hostile = join(dir, 'hostile.csv');
    const text = readFileSync(CLEAN_CSV, 'utf8').replace('NT-CREW-BLACK-M', '<img src=x onerror=window.pwned=1>');
    writeFileSync(hostile, text);
    await check(page, hostile);
    expect(await page.locator('#grid img, #issue-list img').count()).toBe(0);
    expect(await page.textContent(`#grid tbody tr:first-child td:nth-child(3) .v`)).toBe('<img src=x onerror=window.pwned=1>');
    expect(await page.evaluate<unknown>('window.pwned')).toBeUndefined();
  }, TIMEOUT);

  it('says why a file cannot be checked, in the alert region', async () => {
    const page = await load();
    const dir = scratchDir();
    const notXlsx = join(dir, 'notes.xlsx');
    writeFileSync(notXlsx, 'this is a text file, not a workbook\n');
    await page.setInputFiles('#file', notXlsx);
    await page.click('#check');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.getAttribute('#error', 'role')).toBe('alert');
    expect(await page.textContent('#error')).toMatch(/^notes\.xlsx could not be checked: .+/);
    expect(await page.isHidden('#results')).toBe(true);
    const txt = join(dir, 'catalog.txt');
    writeFileSync(txt, 'sku\n1\n');
    await page.setInputFiles('#file', txt);
    await page.click('#check');
    expect(await page.textContent('#error')).toContain('is not an .xlsx or .csv file');
    await screenshot(page, '09-error');
    open!.problems.length = 0; // the refused upload logs its 4xx in the console
  }, TIMEOUT);

  it('pages through a sheet past the grid cap and jumps to a cell far down', async () => {
    const page = await load();
    const dir = scratchDir();
    const big = join(dir, 'big.csv');
    const [header, ...rows] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
    const body: string[] = [];
    while (body.length < 5100) body.push(...rows);
    writeFileSync(big, `${header ?? ''}\n${body.slice(0, 5100).join('\n')}\n`); // past the grid's 5,000-row cap
    await check(page, big);
    expect(await page.isVisible('#grid-note')).toBe(true);
    expect(await page.textContent('#grid-note')).toContain('first 5,000 rows');
    expect(await page.locator('#grid tbody tr').count()).toBe(200);
    expect(await page.textContent('#page-label')).toContain('Rows 2–201');
    // An issue far down: the list's filter narrows to column G, then the 100th of them.
    await page.selectOption('#filter-column', 'G');
    const target = page.locator('#issue-list button').nth(99);
    const where = (await target.locator('.where').textContent()) ?? '';
    const row = Number(where.slice(1));
    expect(row).toBeGreaterThan(201);
    await target.click();
    expect(await focusedId(page)).toBe(`cell-${row}-${colIndex('G')}`);
    expect(await page.textContent('#page-label')).not.toContain('Rows 2–201');
    // Showing only rows with issues keeps the rows on screen, rather than going back to the top.
    await page.check('#only-issue-rows');
    expect(await page.locator('#grid tbody tr').count()).toBe(200);
    expect(await page.textContent('#page-label')).toMatch(/with issues\)$/);
    expect(await page.locator(`#cell-${row}-${colIndex('G')}`).count()).toBe(1);
    await screenshot(page, '10-large-sheet');
  }, TIMEOUT);
});

describe.skipIf(!HAS_CHROMIUM)('web page with a server token', () => {
  let server: ServeProcess;
  let browser: Browser;
  const TOKEN = 'page-test-token-8c1f';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServe({ token: TOKEN }), launchChromium()]);
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for the token on 401, refuses a wrong one, then works and keeps it for the tab', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}/`);
    const dialog = page.locator('#token-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.locator('label[for="token"]').textContent()).toBe('API token');
    expect(await page.getAttribute('#token', 'type')).toBe('password');
    expect(await focusedId(page)).toBe('token');
    await screenshot(page, '11-token-prompt');

    // Escape: no token, so the specs cannot be listed; the page says so and "auto" stays.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.textContent('#error')).toBe(
      'The cached specs could not be listed: This server needs its API token, and none was given. "Auto" still works.',
    );

    // Checking a file asks again; a wrong token is refused in the dialog, the right one goes through.
    await page.setInputFiles('#file', XLSX);
    await page.click('#check');
    await dialog.waitFor({ state: 'visible' });
    await page.fill('#token', 'wrong-token');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#token-error:not([hidden])');
    expect(await page.textContent('#token-error')).toContain('not accepted');
    expect(await dialog.isVisible()).toBe(true);

    await page.fill('#token', TOKEN);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('#status', { hasText: /^Checked / }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate<string | null>("sessionStorage.getItem('catalog-gate.token')")).toBe(TOKEN);
    expect(await page.content()).not.toContain(TOKEN);
    await page.locator('#feed-type option').nth(1).waitFor({ state: 'attached' });

    // A reload keeps the token for the tab: the specs load without asking.
    await page.reload();
    await page.locator('#feed-type option').nth(1).waitFor({ state: 'attached' });
    expect(await dialog.isVisible()).toBe(false);
    await check(page, XLSX);
    expect((await summaryOnPage(page)).errors).toBe(cliReport(XLSX).summary.errors);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
