// A small router: method plus a path pattern with {param} segments. Literal segments win over params
// (POST /v3/feeds/items is the supplier feed endpoint, not a feed ID), and a path known under another
// method is a 405, not a 404.
import type { Handler } from './context.js';
import type { ApiName } from './rate-limit.js';

export interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  /** Which rate-limit bucket the route spends from. */
  api: ApiName;
  /** Needs a valid WM_SEC.ACCESS_TOKEN (every route but the token endpoint). */
  auth: boolean;
  /**
   * Whether a missing WM_QOS.CORRELATION_ID is a 400 (default true). The token endpoint takes calls
   * without one: Walmart's OpenAPI lists it there too, but clients commonly omit it on the token call.
   */
  correlationRequired?: boolean;
  /** Headers this route requires besides WM_QOS.CORRELATION_ID. */
  requiredHeaders?: readonly string[];
  /** The body size class: 'feed' routes take feed files (maxFeedBytes), others 1 MiB. */
  body: 'small' | 'feed';
  /** A feed submission: the `reset` fault may accept the feed before dropping the connection. */
  submitsFeed?: boolean;
  handler: Handler;
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined;

interface Compiled {
  route: Route;
  segments: string[];
  /** Literal segments count, to prefer the most specific pattern. */
  literals: number;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

export class Router {
  readonly #routes: Compiled[];

  constructor(routes: readonly Route[]) {
    this.#routes = routes
      .map((route) => {
        const segments = split(route.pattern);
        return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): Match {
    const parts = split(path);
    const allowed: string[] = [];
    for (const c of this.#routes) {
      if (c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = c.segments[i] as string;
        const part = parts[i] as string;
        if (seg.startsWith('{')) {
          try {
            params[seg.slice(1, -1)] = decodeURIComponent(part);
          } catch {
            ok = false;
            break;
          }
        } else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (c.route.method === method) return { route: c.route, params };
      allowed.push(c.route.method);
    }
    return allowed.length > 0 ? { allowed: [...new Set(allowed)].sort() } : undefined;
  }
}
