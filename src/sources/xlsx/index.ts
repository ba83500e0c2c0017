// The XLSX reader: what other modules may use.
export { readXlsx, DEFAULT_XLSX_WORKER_LIMITS } from './read-xlsx.js';
export type { XlsxOptions, XlsxWorkerLimits } from './read-xlsx.js';
export { DEFAULT_ZIP_LIMITS } from './zip-check.js';
export type { ZipLimits } from './zip-check.js';
