/** `opcon serve`: the HTTP API and the dashboard, until SIGTERM or Ctrl-C. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { pino, type Logger } from 'pino';
import packageJson from '../../../package.json' with { type: 'json' };
import { runOperation } from '../../app/operation.js';
import { operations } from '../../app/registry.js';
import { startServer } from '../../server/start.js';
import { packageRoot } from '../config.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { renderBrief } from '../output/brief-text.js';
import { renderFailure } from '../output/problems-text.js';
import { printErr, printOut } from '../output/write.js';
import type { CommandContext } from '../run.js';

interface ServeOpts {
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  web?: string;
  logLevel: string;
  brief?: boolean;
}

/** Structured JSON logs, one line per event, on standard error. */
function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'opcon' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}

/** Register the serve command. */
export function registerServe(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, docs at /api/docs) and the dashboard; Ctrl-C or SIGTERM stops it after the requests in flight')
    .option('--host <address>', 'address to listen on (beyond loopback needs accounts, and TLS is advised)', '127.0.0.1')
    .option('--port <n>', 'port (0: any free one)', (v) => Number(v), 4310)
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (session cookies are then Secure)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--web <folder>', 'the built dashboard (default: dist/web of the package)')
    .addOption(new Option('--log-level <level>', 'JSON log level on standard error').choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'))
    .option('--brief', 'print the brief of today before serving')
    .action(async (o: ServeOpts) => {
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65_535) {
        printErr('error: --port must be a whole number from 0 to 65535\n');
        return setExit(EXIT.invalidInput);
      }
      if ((o.tlsCert === undefined) !== (o.tlsKey === undefined)) {
        printErr('error: --tls-cert and --tls-key go together\n');
        return setExit(EXIT.invalidInput);
      }
      const webRoot = o.web ?? join(packageRoot(), 'dist', 'web');
      const { actor: _actor, ...deps } = ctx.deps;
      if (o.brief === true) {
        const brief = await runOperation(operations.brief, ctx.deps, {});
        if (brief.ok) printOut(renderBrief(brief.value, ctx.style, ctx.columns));
      }
      const started = await startServer({
        deps,
        host: o.host,
        port: o.port,
        logger: createLogger(o.logLevel),
        version: packageJson.version,
        webRoot: existsSync(join(webRoot, 'index.html')) ? webRoot : undefined,
        tls: o.tlsCert !== undefined && o.tlsKey !== undefined ? { certFile: o.tlsCert, keyFile: o.tlsKey } : undefined,
      });
      if (!started.ok) {
        printErr(renderFailure(started.error, ctx.style));
        return setExit(exitCodeFor(started.error.code));
      }
      const server = started.value;
      const lines = [`OPCON Transition Monitor: dashboard ${server.url}  ·  API ${server.url}api/docs`];
      if (server.firstAdmin !== null) lines.push(`first run: created user "${server.firstAdmin.username}" with the one-time password ${server.firstAdmin.password}\n  (log in and keep it safe, or set another with "opcon user reset-password admin"; it is not shown again)`);
      if (!existsSync(join(webRoot, 'index.html'))) lines.push(`the dashboard is not built (${webRoot}): run "npm run build:web"`);
      printOut(`${lines.join('\n')}\nCtrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          printErr('stopping: finishing requests in flight…\n');
          void server.close().then(resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      setExit(EXIT.ok);
    });
}
