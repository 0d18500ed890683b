// The peer: a bare Hono hello-world route on @hono/node-server, on a loopback port given as argv[2].
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello, world'));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.argv[2] ?? 0) }, (info) => console.log(`listening ${info.port}`));
