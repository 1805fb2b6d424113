// http-auth-lint proxy
// An Express egress gateway for sandboxed workers: it forwards outbound calls with fetch and
// authenticates the workers with proxy credentials. Nothing imports a proxy library, so the
// file comment above tells the linter this is proxy code.
import express from 'express';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { workers } from './workers';

const app = express();

app.use(async (req, res, next) => {
  const credentials = req.get('proxy-authorization');
  if (!credentials) {
    return res.status(407).set('Proxy-Authenticate', 'Bearer realm="egress"').end();
  }
  const worker = await workers.verify(credentials);
  if (!worker) {
    return res.status(407).json({ error: 'invalid proxy credentials' }); // expect: missing-proxy-authenticate
  }
  if (worker.quotaExceeded) {
    res.set({ 'Proxy-Authenticate': 'Bearer realm="egress", error="invalid_token"' });
    return res.status(407).json({ error: 'quota exceeded, get a new token' });
  }
  res.locals.worker = worker;
  next();
});

app.use('/forward', async (req, res) => {
  // The worker's token can expire between the check above and a long upload.
  if (workers.expired(res.locals.worker)) {
    return res.sendStatus(407); // expect: missing-proxy-authenticate
  }
  const target = req.get('x-forward-to');
  if (!target) {
    return res.status(400).json({ error: 'x-forward-to required' });
  }
  const upstream = await fetch(target, { method: req.method, headers: { 'user-agent': 'egress' } });
  res.status(upstream.status);
  upstream.headers.forEach((value, name) => res.setHeader(name, value));
  Readable.fromWeb(upstream.body as NodeReadableStream).pipe(res);
});

// A proxy with its own admin page still answers 401 for origin-style auth on it.
app.get('/admin', (req, res) => {
  if (!req.get('authorization')) {
    return res.status(401).set('WWW-Authenticate', 'Basic realm="egress-admin"').end();
  }
  res.json(workers.stats());
});

app.listen(3128);
