// Starting and stopping an HTTP server, shared by the emulator and the validation service.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens and resolves with the URL the server can be reached at (port 0 picks a free port). */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve(`http://${shown}:${addr.port}`);
    });
  });
}

/** Stops accepting, drops idle and open connections, and resolves once the server has closed. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
