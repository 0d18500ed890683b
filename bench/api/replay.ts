// The ceiling peer: a bare node:http server that answers every request with one recorded response
// (the cached picture's status, headers and gzipped bytes, a fresh X-Request-Id each time), on a
// loopback port given as argv[2]; argv[3] is the recorded response as JSON. What the load generator
// reaches against it is the most any server could reach for a response of this size on this machine.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const recorded = JSON.parse(readFileSync(process.argv[3] ?? '', 'utf8')) as { status: number; headers: [string, string][]; bodyBase64: string };
const body = Buffer.from(recorded.bodyBase64, 'base64');
const headers = recorded.headers.filter(([name]) => !['x-request-id', 'date', 'connection', 'keep-alive', 'content-length'].includes(name.toLowerCase()));
const server = createServer((_req, res) => {
  res.writeHead(recorded.status, [['X-Request-Id', randomUUID()], ...headers]);
  res.end(body);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address !== null ? address.port : ''}`);
});
