// bench/api: HTTP throughput and latency of the API, as ratios to a bare Hono hello-world route
// measured in the same run on the same machine (autocannon on loopback, bounded in time and requests).
// A second peer, a bare node:http server replaying the cached picture's own response (same headers,
// same 12 kB of gzip), shows the most the load generator can reach for a response of that size.
// Usage: npx tsx bench/api/run.ts [--seconds 5] [--connections 200]
// Goals: cached picture GET ≥ 40% of hello-world requests/s; its p99 < 50 ms at 200 connections.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WRK = '/usr/bin/wrk';
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '200' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);

function start(command: string, args: readonly string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`not ready: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        res({ child, match, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  });
}

interface Measured {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

async function measure(name: string, options: autocannon.Options): Promise<Measured> {
  // Bounded by time (autocannon ignores the duration when an amount is set); a case makes at most what `seconds` allows.
  const result = await autocannon({ connections, duration: seconds, ...options });
  return { name, requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

const hello = await start(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'api', 'hello.ts'), '0'], {}, /listening (\d+)/);
const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'opcon-bench-api-')), 'api.db')}`;
const api = await start(process.execPath, [join(ROOT, 'bin', 'opcon.mjs'), 'serve', '--port', '0', '--log-level', 'silent'], { OPCON_DB: db, NO_COLOR: '1' }, /dashboard (http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*one-time password (\S+)/);
const base = api.match[1] ?? '';
const password = api.match[2] ?? '';
const peers: ChildProcess[] = [];
try {
  const login = await fetch(`${base}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  // Warm the cache (and the dataset's first load) before measuring.
  for (let i = 0; i < 3; i++) await (await fetch(`${base}api/brief`, { headers: { cookie } })).text();
  const helloUrl = `http://127.0.0.1:${hello.match[1]}/`;
  const recordedFile = join(mkdtempSync(join(tmpdir(), 'opcon-bench-replay-')), 'picture.json');
  writeFileSync(recordedFile, JSON.stringify(await recordResponse(`${base}api/brief`, { cookie, 'accept-encoding': 'gzip' })));
  const replay = await start(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'api', 'replay.ts'), '0', recordedFile], {}, /listening (\d+)/);
  peers.push(replay.child);
  const replayUrl = `http://127.0.0.1:${replay.match[1]}/`;
  console.log(`bench/api: ${seconds} s per case, ${connections} connections, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const results: Measured[] = [];
  results.push(await measure('hello-world (bare Hono)', { url: helloUrl }));
  results.push(await measure('GET /api/brief (cached picture)', { url: `${base}api/brief`, headers: { cookie, 'accept-encoding': 'gzip' } }));
  results.push(await measure('the same response replayed by a bare server', { url: replayUrl }));
  results.push(await measure('hello-world again', { url: helloUrl }));
  const body = JSON.stringify({ party: 'ROK', criterionId: 'C1.component-commands', asOf: '2026-06-20', rating: 2, confidence: 0.5, rationale: 'Benchmark write.', basis: 'official', sourceIds: ['S94'] });
  results.push(await measure('POST /api/assessments (10 connections)', { url: `${base}api/assessments`, method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body, connections: 10 }));
  results.push(await measure('GET /api/brief after the writes (first request recomputes)', { url: `${base}api/brief`, headers: { cookie, 'accept-encoding': 'gzip' } }));
  const helloRps = (results[0]!.requestsPerSecond + results[3]!.requestsPerSecond) / 2;
  console.log('\ncase                                                       req/s   ratio   p50 ms   p99 ms  errors non-2xx');
  for (const r of results) {
    console.log(`${r.name.padEnd(56)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${(r.requestsPerSecond / helloRps).toFixed(3).padStart(7)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p99Ms.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(7)}`);
  }
  const picture = results[1]!;
  const ceiling = results[2]!;
  const isThroughputMet = picture.requestsPerSecond / helloRps >= 0.4;
  const isLatencyMet = picture.p99Ms < 50;
  console.log(`\ncached picture: ${((100 * picture.requestsPerSecond) / helloRps).toFixed(1)}% of hello-world (goal ≥ 40%) ${isThroughputMet ? '✓' : '✗'}; p99 ${picture.p99Ms} ms at ${connections} connections (goal < 50 ms) ${isLatencyMet ? '✓' : '✗'}`);
  console.log(`ceiling: a bare server replaying the same response reaches ${((100 * ceiling.requestsPerSecond) / helloRps).toFixed(1)}% of hello-world, p99 ${ceiling.p99Ms} ms; the picture reaches ${((100 * picture.requestsPerSecond) / ceiling.requestsPerSecond).toFixed(0)}% of that`);
  if (results.some((r) => r.errors > 0 || r.non2xx > 0)) console.log('some requests failed: see the errors and non-2xx columns');
  // autocannon parses every response in JavaScript on the same two cores, which costs it far more
  // for the 12 kB brief than for a 12-byte hello: where wrk (C) is installed, it measures the same
  // pair again with a load generator whose own cost hardly depends on the response size.
  if (existsSync(WRK)) {
    const viaWrk = (url: string, headers: readonly string[]) => {
      const out = execFileSync(WRK, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headers.flatMap((h) => ['-H', h]), url], { encoding: 'utf8' });
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
      const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
      const p99Ms = p99 === null ? Number.NaN : Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1);
      return { rps, p99Ms };
    };
    const h1 = viaWrk(helloUrl, []);
    const brief = viaWrk(`${base}api/brief`, [`cookie: ${cookie}`, 'accept-encoding: gzip']);
    const replayed = viaWrk(replayUrl, []);
    const h2 = viaWrk(helloUrl, []);
    const helloWrk = (h1.rps + h2.rps) / 2;
    console.log(`\nwith wrk (-t1 -c${connections} -d${seconds}s): hello-world ${helloWrk.toFixed(0)} req/s (p99 ${h1.p99Ms} / ${h2.p99Ms} ms); cached picture ${brief.rps.toFixed(0)} req/s = ${((100 * brief.rps) / helloWrk).toFixed(1)}% (goal ≥ 40%) ${brief.rps / helloWrk >= 0.4 ? '✓' : '✗'}, p99 ${brief.p99Ms} ms (goal < 50 ms) ${brief.p99Ms < 50 ? '✓' : '✗'}; the replaying server ${((100 * replayed.rps) / helloWrk).toFixed(1)}%, p99 ${replayed.p99Ms} ms`);
  }
} finally {
  for (const child of [hello.child, api.child, ...peers]) child.kill('SIGTERM');
}

/** One response as it came: status, headers and undecoded body (for the replaying peer). */
function recordResponse(url: string, headers: Record<string, string>): Promise<{ status: number; headers: [string, string][]; bodyBase64: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = res.rawHeaders;
        const pairs: [string, string][] = [];
        for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] ?? '', raw[i + 1] ?? '']);
        resolve({ status: res.statusCode ?? 200, headers: pairs, bodyBase64: Buffer.concat(chunks).toString('base64') });
      });
    }).on('error', reject);
  });
}
