/**
 * Starting and stopping the server. It refuses to listen beyond loopback while there are no
 * accounts, creates the first admin on a new database (on loopback), and on close stops
 * accepting, cancels background forecasts, and waits for the requests in flight to finish.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Logger } from 'pino';
import { ensureAdmin } from '../app/auth.js';
import type { Deps } from '../app/operation.js';
import { fail, ok, type Result } from '../core/common/result.js';
import { createApi, type Api } from './app.js';
import type { Route } from './routes.js';

export interface ServeOptions {
  readonly deps: Omit<Deps, 'actor'>;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly version: string;
  readonly webRoot: string | undefined;
  readonly tls?: { readonly certFile: string; readonly keyFile: string } | undefined;
  readonly extraRoutes?: readonly Route[];
  /** How long to wait for requests in flight on shutdown. */
  readonly drainMs?: number;
}

export interface RunningServer {
  readonly kind: 'running-server';
  readonly url: string;
  readonly port: number;
  /** Set on a new database: the first admin's password, to be shown once. */
  readonly firstAdmin: { readonly username: string; readonly password: string } | null;
  readonly api: Api;
  close(): Promise<void>;
}

/** How long a stopping server keeps reading requests that had already arrived. */
const GRACE_MS = 250;

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The Node request listener of the app: cached reads answered at the socket (fast-reads.ts), everything else by the app. */
export function requestListener(api: Api, hostname: string, logger: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  const appListener = getRequestListener(api.app.fetch, { hostname });
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (await api.fastRead(req, res)) return;
    } catch (error) {
      logger.error({ err: error, path: req.url }, 'cached read failed; the app answers instead');
      if (res.headersSent) return void res.destroy();
    }
    await appListener(req, res);
  };
  return (req, res) => void answer(req, res);
}

/** Start listening; resolves once the port is bound. */
export async function startServer(options: ServeOptions): Promise<Result<RunningServer>> {
  const database = await options.deps.database({ isMigrating: true });
  if (!database.ok) return database;
  const hasAccounts = (await database.value.countUsers()) > 0;
  if (!hasAccounts && !isLoopback(options.host)) {
    return fail('forbidden', `refusing to listen on ${options.host} with no accounts: start on 127.0.0.1 first (it creates the admin) or add users with "opcon user add", then serve beyond loopback`, [], 'host');
  }
  if (!isLoopback(options.host) && options.tls === undefined) {
    options.logger.warn({ host: options.host }, 'serving beyond loopback without TLS: passwords and session cookies cross the network in clear; pass --tls-cert and --tls-key');
  }
  // Load the default dataset into a new database now, not on the first reader's request.
  const seeded = await options.deps.store.load();
  if (!seeded.ok && seeded.error.code !== 'not-found') return seeded;
  const firstAdmin = await ensureAdmin({ ...options.deps, actor: { kind: 'actor', name: 'system', role: 'admin', audience: 'all', via: 'cli', scopes: ['read', 'write'] } });
  if (!firstAdmin.ok) return firstAdmin;
  let tlsOptions: { cert: Buffer; key: Buffer } | undefined;
  if (options.tls !== undefined) {
    try {
      tlsOptions = { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) };
    } catch (error) {
      return fail('unreadable', `cannot read the TLS certificate or key: ${(error as Error).message}`, [], 'tls');
    }
  }
  const api = createApi({ deps: options.deps, logger: options.logger, version: options.version, webRoot: options.webRoot, isSecure: tlsOptions !== undefined, ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}) });
  const listener = requestListener(api, options.host, options.logger);
  const server = await new Promise<Result<Server | HttpsServer>>((resolve) => {
    const s = tlsOptions === undefined ? createHttpServer(listener) : createHttpsServer(tlsOptions, listener);
    s.once('error', (error: NodeJS.ErrnoException) =>
      resolve(fail('unavailable', error.code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is in use: stop the other server or pass --port` : `cannot listen on ${options.host}:${options.port}: ${error.message}`, [], 'port')),
    );
    s.listen(options.port, options.host, () => resolve(ok(s)));
  });
  if (!server.ok) return server;
  const port = (server.value.address() as AddressInfo).port;
  const scheme = tlsOptions === undefined ? 'http' : 'https';
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return ok({
    kind: 'running-server',
    url: `${scheme}://${shownHost}:${port}/`,
    port,
    firstAdmin: firstAdmin.value,
    api,
    close() {
      closing ??= (async () => {
        api.drain();
        api.runs.cancelAll();
        const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const drained = async () => {
          const deadline = Date.now() + (options.drainMs ?? 10_000);
          while (api.inFlight() > 0 && Date.now() < deadline) await sleep(20);
        };
        // Requests that reached the socket while the loop was busy are parsed first, then answered;
        // only then does the server stop listening and close its connections.
        await sleep(GRACE_MS);
        await drained();
        const closed = new Promise<void>((resolve) => server.value.close(() => resolve()));
        await drained();
        await api.runs.settle();
        (server.value as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
      })();
      return closing;
    },
  });
}
