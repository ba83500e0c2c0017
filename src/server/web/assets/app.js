// The catalog-gate web page: pick or drop a spreadsheet, check it on this server (POST /v1/validate/file?grid=1),
// then see the summary, the filterable issue list and the marked grid, and download the annotated workbook or the
// issues as CSV (the same file posted again with format=xlsx / format=csv). Stateless: nothing is kept server-side.
import { ApiError, getJson, postFile, saveResponse, saveToken, savedToken } from './api.js';
import { byId, plural } from './dom.js';
import { IssueList } from './issue-list.js';
import { parseReport } from './report.js';
import { SheetGrid } from './sheet-grid.js';
import { SpecPicker } from './spec-picker.js';

/** @typedef {import('./report.js').Report} Report */

const fileInput = byId('file', HTMLInputElement);
const dropZone = byId('drop-zone', HTMLElement);
const fileChosen = byId('file-chosen', HTMLElement);
const form = byId('check-form', HTMLFormElement);
const checkButton = byId('check', HTMLButtonElement);
const statusEl = byId('status', HTMLElement);
const errorEl = byId('error', HTMLElement);
const results = byId('results', HTMLElement);
const downloadXlsx = byId('download-xlsx', HTMLButtonElement);
const downloadCsv = byId('download-csv', HTMLButtonElement);
const tokenDialog = byId('token-dialog', HTMLDialogElement);
const tokenForm = byId('token-form', HTMLFormElement);
const tokenInput = byId('token', HTMLInputElement);
const tokenError = byId('token-error', HTMLElement);

/** @type {{ file: File, params: URLSearchParams } | undefined} what the results on screen were checked with */
let checked;

// ---- status and errors -------------------------------------------------------------------------------------------

/** @param {string} text */
function say(text) {
  statusEl.textContent = text;
}

/** @param {string} text */
function showError(text) {
  errorEl.textContent = text;
  errorEl.hidden = false;
}

function clearError() {
  errorEl.hidden = true;
  errorEl.textContent = '';
}

/** @param {unknown} e */
function reasonOf(e) {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

// ---- the API token ------------------------------------------------------------------------------------------------

/**
 * Asks for the token in a modal dialog; resolves true when one was entered.
 * @param {boolean} rejected a token was sent and refused
 * @returns {Promise<boolean>}
 */
function askToken(rejected) {
  tokenError.hidden = !rejected;
  tokenError.textContent = rejected ? 'That token was not accepted. Check it and try again.' : '';
  tokenInput.value = '';
  return new Promise((resolve) => {
    /** @param {boolean} ok */
    const done = (ok) => {
      tokenForm.removeEventListener('submit', onSubmit);
      tokenDialog.removeEventListener('close', onClose);
      if (tokenDialog.open) tokenDialog.close();
      resolve(ok);
    };
    /** @param {SubmitEvent} e */
    const onSubmit = (e) => {
      e.preventDefault();
      const token = tokenInput.value.trim();
      if (token === '') {
        tokenError.hidden = false;
        tokenError.textContent = 'Enter the token the server was started with.';
        tokenInput.focus();
        return;
      }
      saveToken(token);
      done(true);
    };
    const onClose = () => done(false);
    tokenForm.addEventListener('submit', onSubmit);
    tokenDialog.addEventListener('close', onClose);
    tokenDialog.showModal();
    tokenInput.focus();
  });
}

byId('token-cancel', HTMLButtonElement).addEventListener('click', () => tokenDialog.close());

/** @type {Promise<boolean> | undefined} the token prompt on screen: calls that get a 401 meanwhile wait for it */
let asking;

/**
 * Runs an API call; on 401 asks for the token (once, however many calls were refused) and tries again.
 * @template T
 * @param {() => Promise<T>} call
 * @returns {Promise<T>}
 */
async function authed(call) {
  for (;;) {
    const tokenUsed = savedToken();
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      // Another prompt already replaced the token this call used: just try again with the new one.
      if (asking === undefined && savedToken() !== tokenUsed) continue;
      asking ??= askToken(tokenUsed !== null).finally(() => {
        asking = undefined;
      });
      if (!(await asking)) throw new ApiError(401, e.code, 'This server needs its API token, and none was given.');
    }
  }
}

// ---- choosing a file ----------------------------------------------------------------------------------------------

/** @param {File | undefined} file */
function showChosen(file) {
  fileChosen.hidden = file === undefined;
  fileChosen.textContent = file === undefined ? '' : `Chosen: ${file.name} (${sizeText(file.size)})`;
}

/** @param {number} bytes */
function sizeText(bytes) {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

fileInput.addEventListener('change', () => showChosen(fileInput.files?.[0]));
dropZone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropZone.classList.remove('dragging');
  const files = e.dataTransfer?.files;
  if (files === undefined || files.length === 0) return;
  fileInput.files = files;
  showChosen(files[0]);
  say(`${files[0]?.name ?? 'The file'} is ready; choose "Check spreadsheet".`);
  checkButton.focus();
});

// ---- the spec controls --------------------------------------------------------------------------------------------

const picker = new SpecPicker({
  feedType: byId('feed-type', HTMLSelectElement),
  specVersion: byId('spec-version', HTMLSelectElement),
  versionHelp: byId('spec-version-help', HTMLElement),
  productType: byId('product-type', HTMLInputElement),
  productTypeOptions: byId('product-type-options', HTMLDataListElement),
  productTypeHelp: byId('product-type-help', HTMLElement),
  sheet: byId('sheet-name', HTMLInputElement),
}, (path) => authed(() => getJson(path)));

// ---- results ------------------------------------------------------------------------------------------------------

const issueList = new IssueList({
  severity: byId('filter-severity', HTMLSelectElement),
  code: byId('filter-code', HTMLSelectElement),
  column: byId('filter-column', HTMLSelectElement),
  text: byId('filter-text', HTMLInputElement),
  count: byId('issue-count', HTMLElement),
  list: byId('issue-list', HTMLElement),
}, (issue) => {
  const cell = grid.reveal(issue);
  if (cell === undefined) say(`${issue.cell ?? `Row ${issue.row ?? ''}`} is not in the grid (it shows the first rows of the sheet).`);
});

const grid = new SheetGrid({
  table: byId('grid', HTMLTableElement),
  scroll: byId('grid-scroll', HTMLElement),
  onlyIssueRows: byId('only-issue-rows', HTMLInputElement),
  prev: byId('page-prev', HTMLButtonElement),
  next: byId('page-next', HTMLButtonElement),
  pageLabel: byId('page-label', HTMLElement),
  note: byId('grid-note', HTMLElement),
  tip: byId('cell-tip', HTMLElement),
}, () => issueList.focusBack());

/**
 * @param {Report} report
 * @param {File} file
 */
function showReport(report, file) {
  performance.mark('catalog-gate:render'); // a measure of the rendering, for devtools and the page's timing script
  const s = report.summary;
  for (const dd of results.querySelectorAll('[data-count]')) {
    const key = /** @type {keyof typeof s} */ (dd.getAttribute('data-count'));
    dd.textContent = (s[key] ?? 0).toLocaleString('en-US');
  }
  const spec = report.spec === undefined ? '' : ` against ${report.spec.feedType} ${report.spec.specVersion}`;
  // A csv's only sheet is named after the file: say it once.
  const sheet = report.sheet?.name && report.sheet.name !== file.name ? `, sheet ${report.sheet.name}` : '';
  byId('summary-source', HTMLElement).textContent = `${file.name}${sheet}${spec}`;
  /** @type {Map<string, number>} */
  const byCode = new Map();
  for (const i of report.issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  byId('summary-codes', HTMLElement).textContent = byCode.size === 0 ? '' : `By code: ${[...byCode]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ')}`;
  issueList.set(report.issues, report.sheet?.columns ?? []);
  grid.set(report.sheet, report.issues);
  results.hidden = false;
  performance.measure('catalog-gate:render', 'catalog-gate:render');
}

/** @param {Report} report */
function verdict(report) {
  const s = report.summary;
  const head = `Checked ${plural(s.records, 'record')}: ${s.valid.toLocaleString('en-US')} valid, ${s.invalid.toLocaleString('en-US')} with errors`;
  return `${head} · ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos.toLocaleString('en-US')} info.`;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void check();
});

async function check() {
  clearError();
  const file = fileInput.files?.[0];
  if (file === undefined) {
    showError('Choose a spreadsheet (.xlsx or .csv) first.');
    fileInput.focus();
    return;
  }
  if (!/\.(xlsx|csv)$/i.test(file.name)) {
    showError(`${file.name} is not an .xlsx or .csv file. Save the sheet as Excel Workbook (.xlsx) or CSV and try again.`);
    fileInput.focus();
    return;
  }
  const params = picker.params();
  const q = new URLSearchParams(params);
  q.set('grid', '1');
  checkButton.disabled = true;
  results.setAttribute('aria-busy', 'true');
  say(`Checking ${file.name}…`);
  try {
    const res = await authed(() => postFile(`/v1/validate/file?${q.toString()}`, file));
    const report = parseReport(await res.json());
    checked = { file, params };
    showReport(report, file);
    say(verdict(report));
    byId('results-title', HTMLElement).focus();
    // The specs could not be listed before (no token then): list them now that the server answers.
    if (picker.specs.length === 0) picker.load().catch(() => undefined);
  } catch (err) {
    say('');
    showError(`${file.name} could not be checked: ${reasonOf(err)}`);
  } finally {
    checkButton.disabled = false;
    results.removeAttribute('aria-busy');
  }
}

/**
 * @param {'xlsx' | 'csv'} format
 * @param {HTMLButtonElement} button
 */
async function download(format, button) {
  if (checked === undefined) return;
  const { file, params } = checked;
  const q = new URLSearchParams(params);
  q.set('format', format);
  const base = file.name.replace(/\.[^.]*$/, '');
  clearError();
  button.disabled = true;
  say(format === 'xlsx' ? `Preparing the annotated workbook for ${file.name}…` : `Preparing the issues CSV for ${file.name}…`);
  try {
    const res = await authed(() => postFile(`/v1/validate/file?${q.toString()}`, file));
    const name = await saveResponse(res, format === 'xlsx' ? `${base}-checked.xlsx` : `${base}-issues.csv`);
    say(`Downloaded ${name}.`);
  } catch (err) {
    say('');
    showError(`The download failed: ${reasonOf(err)}`);
  } finally {
    button.disabled = false;
  }
}

downloadXlsx.addEventListener('click', () => void download('xlsx', downloadXlsx));
downloadCsv.addEventListener('click', () => void download('csv', downloadCsv));

// ---- start --------------------------------------------------------------------------------------------------------

picker.load().then(
  () => undefined,
  (e) => showError(`The cached specs could not be listed: ${reasonOf(e)} "Auto" still works.`),
);
