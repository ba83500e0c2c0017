// What a handler returns: a status and a JSON body (or text already serialised). The server decides how
// it goes out (or whether it does, under an injected fault), so handlers never touch the socket.

export interface Reply {
  status: number;
  /** Serialised with JSON.stringify. */
  body?: unknown;
  /** Sent as is, for bodies serialised elsewhere (specs with lossless numbers). */
  text?: string;
  /** Defaults to application/json. */
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}
