// Deterministic spreadsheet benchmark data: 30 columns of samples/sheets/catalog-v5-clean.csv (synthetic v5 spec),
// mostly T-Shirts in variant groups of 4, every 20th row spoilt, written as .xlsx (ExcelJS streaming writer, shared strings) and .csv.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { gs1CheckDigit } from '../src/core/gtin.js';
import { BENCH_DATA_DIR, createRng } from './data.js';
import type { Rng } from './data.js';

/** Bump when the rows change, so cached files in .bench-data/ are written again. */
const GENERATOR_VERSION = 1;

/** The 30 columns, headers as in samples/sheets/catalog-v5-clean.csv. */
export const SHEET_COLUMNS = [
  'Product Type',
  'SKU',
  'Product ID Type',
  'Product ID',
  'Product Name',
  'Brand Name',
  'Selling Price',
  'Shipping Weight (lbs)',
  'Condition',
  'Site Description',
  'Main Image URL',
  'Additional Image URL',
  'Key Features 1',
  'Key Features 2',
  'Key Features 3',
  'Color',
  'Clothing Size',
  'Gender',
  'Age Group',
  'Variant Group ID',
  'Variant Attribute Names',
  'Is Primary Variant',
  'Swatch Variant Attribute 1',
  'Swatch Image URL 1',
  'Is Prop 65 Warning Required',
  'Material',
  'hoseLength.measure',
  'hoseLength.unit',
  'Has Written Warranty',
  'Warranty URL',
] as const;

export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetCell = string | number | null;

const COLUMN_INDEX = new Map<string, number>(SHEET_COLUMNS.map((c, i) => [c, i]));

/** Rows are blocks of 25: six T-Shirt variant groups of 4, then one Garden Hose (96% T-Shirts). */
const BLOCK_ROWS = 25;
/** Every SPOIL_EVERY-th row (rows 20, 40, …) carries one error: 5%. */
export const SPOIL_EVERY = 20;

export const SHEET_ERROR_KINDS = ['gender-typo', 'price-text', 'brand-missing', 'bad-check-digit', 'long-name', 'second-primary', 'sci-notation'] as const;
export type SheetErrorKind = (typeof SHEET_ERROR_KINDS)[number];
const COMMON_ERRORS: readonly SheetErrorKind[] = ['price-text', 'brand-missing', 'bad-check-digit', 'long-name', 'sci-notation'];

const BRANDS = ['Northtrail', 'Harbor & Pine', 'Urban Loom', 'Cedar Ridge', 'Bluebird Basics', 'Summit Thread', 'Cobalt Coast', 'Fieldhouse'] as const;
const TEES = [
  { name: 'Short Sleeve Crew Neck Cotton T-Shirt', code: 'CREW', blurb: 'is cut from soft, breathable ring-spun cotton for all-day comfort, with a tag-free neck label and double-needle hems that hold their shape wash after wash.', features: ['100% ring-spun cotton', 'Tag-free neck label', 'Double-needle sleeve and bottom hems'] },
  { name: 'V-Neck Jersey T-Shirt', code: 'VNEC', blurb: 'is a lightweight jersey tee with a relaxed V-neck and a soft hand feel, easy to layer under a jacket or wear on its own.', features: ['Lightweight cotton jersey', 'Relaxed V-neck', 'Machine washable'] },
  { name: 'Long Sleeve Heavyweight T-Shirt', code: 'LSHW', blurb: 'is knit from heavyweight cotton with ribbed cuffs and a taped neck seam, made for cool mornings and hard-working days.', features: ['Heavyweight 6.1 oz cotton', 'Ribbed cuffs', 'Taped neck seam'] },
  { name: 'Pocket Crew T-Shirt', code: 'PCKT', blurb: 'adds a chest pocket to a classic crew-neck cut in pre-shrunk cotton, with side seams that keep it straight on the body.', features: ['Chest pocket', 'Pre-shrunk cotton', 'Side-seamed fit'] },
  { name: 'Performance Athletic T-Shirt', code: 'PERF', blurb: 'wicks moisture and dries fast, with flatlock seams that do not chafe and a stretch knit that moves with every rep.', features: ['Moisture-wicking knit', 'Flatlock seams', 'Four-way stretch'] },
] as const;
const COLORS = ['Black', 'White', 'Navy', 'Heather Grey', 'Red', 'Olive', 'Burgundy', 'Charcoal', 'Royal Blue', 'Sand'] as const;
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const GENDERS = [
  { value: 'Male', word: "Men's" },
  { value: 'Female', word: "Women's" },
  { value: 'Unisex', word: 'Unisex' },
] as const;
const HOSE_LENGTHS = [25, 50, 75, 100] as const;
const IMG = 'https://i5.walmartimages.com/asr';

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The n-th GTIN-14 of the made-up prefix 0089…, check digit from src/core/gtin.ts; unique for n < 10^9. */
export function sheetGtin(n: number): string {
  const body = `0089${String(n).padStart(9, '0')}`;
  return `${body}${String(gs1CheckDigit(body))}`;
}

/** A cent amount in [min, max] as a number with at most 2 decimals. */
function cents(rng: Rng, min: number, max: number): number {
  return rng.int(min, max) / 100;
}

export interface SheetRowInfo {
  cells: SheetCell[];
  /** The error this row carries, if any. */
  error: SheetErrorKind | undefined;
}

function emptyRow(): SheetCell[] {
  return SHEET_COLUMNS.map(() => null);
}

function put(cells: SheetCell[], column: SheetColumn, value: SheetCell): void {
  cells[COLUMN_INDEX.get(column) as number] = value;
}

function cellOf(cells: readonly SheetCell[], column: SheetColumn): SheetCell {
  return cells[COLUMN_INDEX.get(column) as number] ?? null;
}

/** Excel's CSV export of a 12+ digit number in a General cell: 6 significant digits, e.g. 8.12345E+11. */
function scientific(id: string): string {
  const digits = id.replace(/^0+/, '');
  const mantissa = `${digits.slice(0, 1)}.${digits.slice(1, 6)}`.replace(/\.?0+$/, '');
  return `${mantissa}E+${String(digits.length - 1)}`;
}

function spoil(cells: SheetCell[], kind: SheetErrorKind): void {
  switch (kind) {
    case 'gender-typo':
      put(cells, 'Gender', 'Mle');
      return;
    case 'price-text':
      put(cells, 'Selling Price', `$${Number(cellOf(cells, 'Selling Price')).toFixed(2)}`);
      return;
    case 'brand-missing':
      put(cells, 'Brand Name', null);
      return;
    case 'bad-check-digit': {
      const id = String(cellOf(cells, 'Product ID'));
      put(cells, 'Product ID', `${id.slice(0, -1)}${String((Number(id.slice(-1)) + 1) % 10)}`);
      return;
    }
    case 'long-name':
      put(cells, 'Product Name', `${String(cellOf(cells, 'Product Name'))} - ${'Premium everyday comfort for work, weekend and travel. '.repeat(5)}`.slice(0, 240));
      return;
    case 'second-primary':
      put(cells, 'Is Primary Variant', 'Yes');
      return;
    case 'sci-notation':
      put(cells, 'Product ID', scientific(String(cellOf(cells, 'Product ID'))));
      return;
  }
}

/**
 * The rows of an n-row sheet, one at a time (never all in memory). The same seed gives the same rows, so
 * the .xlsx and the .csv of one size hold the same items, and a smaller sheet is a prefix of a larger one.
 */
export function* sheetRows(n: number, seed = 5): Generator<SheetRowInfo> {
  const rng = createRng(seed);
  const spoilRng = createRng(seed ^ 0x5bd1e995);
  let group = 0;
  let hose = 0;
  let members: SheetCell[][] = [];
  let memberOf: number[] = [];
  for (let i = 0; i < n; ) {
    const inBlock = i % BLOCK_ROWS;
    members = [];
    memberOf = [];
    if (inBlock === BLOCK_ROWS - 1) {
      members.push(hoseRow(rng, hose++, i));
      memberOf.push(-1);
    } else {
      const brand = rng.pick(BRANDS);
      const tee = rng.pick(TEES);
      const gender = rng.pick(GENDERS);
      const colors = rng.sample(COLORS, 2);
      const sizes = rng.sample(SIZES, 2);
      const price = cents(rng, 699, 2999);
      const groupId = `${slug(brand).toUpperCase().replace(/-/g, '').slice(0, 4)}-${tee.code}-${String(group++)}`;
      let member = 0;
      for (const color of colors) {
        for (const size of sizes) {
          const index = i + member;
          const gtin = sheetGtin(index);
          const cells = emptyRow();
          put(cells, 'Product Type', 'T-Shirts');
          put(cells, 'SKU', `${groupId}-${slug(color).toUpperCase().slice(0, 3)}-${size}`);
          put(cells, 'Product ID Type', 'GTIN');
          put(cells, 'Product ID', gtin);
          put(cells, 'Product Name', `${brand} ${gender.word} ${tee.name}, ${color}, ${size}`);
          put(cells, 'Brand Name', brand);
          put(cells, 'Selling Price', price);
          put(cells, 'Shipping Weight (lbs)', (30 + SIZES.indexOf(size) * 5 + rng.int(0, 4)) / 100);
          put(cells, 'Condition', 'New');
          put(cells, 'Site Description', `The ${brand} ${tee.name.toLowerCase()} ${tee.blurb}`);
          put(cells, 'Main Image URL', `${IMG}/${gtin}_main.jpg`);
          put(cells, 'Additional Image URL', `${IMG}/${gtin}_back.jpg|${IMG}/${gtin}_detail.jpg`);
          put(cells, 'Key Features 1', tee.features[0]);
          put(cells, 'Key Features 2', tee.features[1]);
          put(cells, 'Key Features 3', tee.features[2]);
          put(cells, 'Color', color);
          put(cells, 'Clothing Size', size);
          put(cells, 'Gender', gender.value);
          put(cells, 'Age Group', 'Adult');
          put(cells, 'Variant Group ID', groupId);
          put(cells, 'Variant Attribute Names', 'color|clothingSize');
          put(cells, 'Is Primary Variant', member === 0 ? 'Yes' : 'No');
          put(cells, 'Swatch Variant Attribute 1', 'color');
          put(cells, 'Swatch Image URL 1', `${IMG}/swatch-${slug(brand)}-${slug(color)}.jpg`);
          put(cells, 'Is Prop 65 Warning Required', 'No');
          members.push(cells);
          memberOf.push(member);
          member++;
        }
      }
    }
    for (let k = 0; k < members.length && i < n; k++, i++) {
      const cells = members[k] as SheetCell[];
      let error: SheetErrorKind | undefined;
      if ((i + 1) % SPOIL_EVERY === 0) {
        const member = memberOf[k] ?? -1;
        const kinds: SheetErrorKind[] = [...COMMON_ERRORS];
        if (member >= 0) kinds.push('gender-typo');
        if (member > 0) kinds.push('second-primary');
        error = spoilRng.pick(kinds);
        spoil(cells, error);
      }
      yield { cells, error };
    }
  }
}

function hoseRow(rng: Rng, n: number, index: number): SheetCell[] {
  const length = rng.pick(HOSE_LENGTHS);
  const gtin = sheetGtin(index);
  const cells = emptyRow();
  put(cells, 'Product Type', 'Garden Hoses');
  put(cells, 'SKU', `GR-HOSE-${String(length)}-${String(n)}`);
  put(cells, 'Product ID Type', 'GTIN');
  put(cells, 'Product ID', gtin);
  put(cells, 'Product Name', `GreenReach Heavy Duty Kink-Resistant Rubber Garden Hose, 5/8 in x ${String(length)} ft`);
  put(cells, 'Brand Name', 'GreenReach');
  put(cells, 'Selling Price', cents(rng, 1997, 6997));
  put(cells, 'Shipping Weight (lbs)', Math.round(length * 15.8) / 100);
  put(cells, 'Condition', 'New');
  put(cells, 'Site Description', `A ${String(length)} ft heavy-duty rubber garden hose with crush-proof brass couplings that stays flexible in cold weather and resists kinks and abrasion.`);
  put(cells, 'Main Image URL', `${IMG}/${gtin}_main.jpg`);
  put(cells, 'Additional Image URL', `${IMG}/${gtin}_coupling.jpg`);
  put(cells, 'Key Features 1', 'Kink-resistant reinforced rubber');
  put(cells, 'Key Features 2', 'Crush-proof brass couplings');
  put(cells, 'Key Features 3', 'Flexible down to -25 F');
  put(cells, 'Color', 'Green');
  put(cells, 'Is Prop 65 Warning Required', 'No');
  put(cells, 'Material', 'Rubber|Brass');
  put(cells, 'hoseLength.measure', length);
  put(cells, 'hoseLength.unit', 'ft');
  put(cells, 'Has Written Warranty', 'Yes - Warranty URL');
  put(cells, 'Warranty URL', 'https://www.greenreach.example.com/warranty');
  return cells;
}

// ---- files ----

export interface SheetFileInfo {
  version: number;
  path: string;
  kind: 'xlsx' | 'csv';
  rows: number;
  columns: number;
  bytes: number;
  /** Rows carrying an error; validate should report exactly these as invalid. */
  spoilt: number;
  byKind: Partial<Record<SheetErrorKind, number>>;
  /** T-Shirts rows / Garden Hoses rows. */
  productTypes: Record<string, number>;
}

function tally(info: SheetRowInfo, into: Pick<SheetFileInfo, 'spoilt' | 'byKind' | 'productTypes'>): void {
  const pt = String(info.cells[0]);
  into.productTypes[pt] = (into.productTypes[pt] ?? 0) + 1;
  if (info.error !== undefined) {
    into.spoilt++;
    into.byKind[info.error] = (into.byKind[info.error] ?? 0) + 1;
  }
}

function csvField(value: SheetCell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeCsvRows(path: string, n: number): Promise<Omit<SheetFileInfo, 'version' | 'path' | 'kind' | 'bytes'>> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const info = { rows: n, columns: SHEET_COLUMNS.length, spoilt: 0, byKind: {}, productTypes: {} };
  let buf = `${SHEET_COLUMNS.map(csvField).join(',')}\r\n`;
  for (const row of sheetRows(n)) {
    tally(row, info);
    buf += `${row.cells.map(csvField).join(',')}\r\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return info;
}

async function writeXlsxRows(path: string, n: number): Promise<Omit<SheetFileInfo, 'version' | 'path' | 'kind' | 'bytes'>> {
  // As Excel saves: cell text in xl/sharedStrings.xml, cells refer to it by index.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Items');
  const info = { rows: n, columns: SHEET_COLUMNS.length, spoilt: 0, byKind: {}, productTypes: {} };
  sheet.addRow([...SHEET_COLUMNS]).commit();
  let i = 0;
  for (const row of sheetRows(n)) {
    tally(row, info);
    sheet.addRow(row.cells).commit();
    // Let the zip stream drain now and then, so the writer does not buffer the whole sheet.
    if (++i % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return info;
}

/**
 * Writes `<stem>.<kind>` of n rows into .bench-data/ (with a `.meta.json` beside it) unless an identical one
 * is already there, and returns what it holds.
 */
export async function writeSheetFile(kind: 'xlsx' | 'csv', n: number, dir = BENCH_DATA_DIR): Promise<SheetFileInfo> {
  const path = join(dir, `sheet-v5-${String(n)}.${kind}`);
  const metaPath = `${path}.meta.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as SheetFileInfo;
    if (meta.version === GENERATOR_VERSION && meta.rows === n && meta.bytes === (await stat(path)).size) return { ...meta, path };
  }
  await mkdir(dirname(path), { recursive: true });
  await rm(metaPath, { force: true });
  const info = kind === 'csv' ? await writeCsvRows(path, n) : await writeXlsxRows(path, n);
  const meta: SheetFileInfo = { version: GENERATOR_VERSION, path, kind, ...info, bytes: (await stat(path)).size };
  await writeFile(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

// `node dist/bench/sheets-data.js xlsx|csv N…`: write the files only.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [kind, ...sizes] = process.argv.slice(2);
  if (kind !== 'xlsx' && kind !== 'csv') throw new Error('usage: node dist/bench/sheets-data.js xlsx|csv N [N…]');
  for (const s of sizes) {
    const t0 = performance.now();
    const info = await writeSheetFile(kind, Number(s.replace(/_/g, '')));
    console.log(`${info.path}: ${String(info.rows)} rows, ${String(info.spoilt)} spoilt, ${(info.bytes / 2 ** 20).toFixed(1)} MiB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
