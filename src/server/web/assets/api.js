// Talking to the catalog-gate service: JSON and file requests, the API token (kept in this tab's sessionStorage),
// the service's `{error: {code, message}}` answers as ApiError, and saving a download under the server's file name.

const TOKEN_KEY = 'catalog-gate.token';

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** @returns {string | null} */
export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** @param {string} token */
export function saveToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * The one-line reason from an error answer, or a plain one when the body is not the service's error shape.
 * @param {Response} res
 * @returns {Promise<ApiError>}
 */
async function errorOf(res) {
  let code = `HTTP_${res.status}`;
  let message = `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
  try {
    /** @type {unknown} */
    const body = await res.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const e = /** @type {{ error: { code?: unknown, message?: unknown } }} */ (body).error;
      if (typeof e.code === 'string') code = e.code;
      if (typeof e.message === 'string') message = e.message;
    }
  } catch {
    // Not JSON: keep the plain reason.
  }
  return new ApiError(res.status, code, message);
}

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<Response>}
 */
async function request(path, init = {}) {
  const headers = new Headers(init.headers);
  const token = savedToken();
  if (token !== null && token !== '') headers.set('Authorization', `Bearer ${token}`);
  let res;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The catalog-gate server could not be reached. Is it still running?');
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/**
 * @param {string} path
 * @returns {Promise<unknown>}
 */
export async function getJson(path) {
  const res = await request(path, { headers: { Accept: 'application/json' } });
  return /** @type {unknown} */ (await res.json());
}

/**
 * Posts the spreadsheet as multipart field `file`.
 * @param {string} path
 * @param {File} file
 * @returns {Promise<Response>}
 */
export function postFile(path, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request(path, { method: 'POST', body: form });
}

/**
 * The file name from `Content-Disposition: attachment; filename="..."`, or the fallback.
 * @param {Response} res
 * @param {string} fallback
 */
export function attachmentName(res, fallback) {
  const header = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1] !== undefined) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // Malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1]?.trim();
  return name !== undefined && name !== '' ? name : fallback;
}

/**
 * Saves a response body as a file the browser downloads.
 * @param {Response} res
 * @param {string} fallbackName
 * @returns {Promise<string>} the file name used
 */
export async function saveResponse(res, fallbackName) {
  const name = attachmentName(res, fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
