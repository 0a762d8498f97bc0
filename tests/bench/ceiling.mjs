// The ceiling for a page benchmark: a bare Fastify answering the same bytes from memory.
// Usage: node tests/bench/ceiling.mjs <body-file> <headers-json-file>; prints "listening URL".
import fs from 'node:fs';
import Fastify from 'fastify';

const body = fs.readFileSync(process.argv[2]);
const headers = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const app = Fastify();
app.get('/*', (_req, reply) => reply.headers(headers).send(body));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${address}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
