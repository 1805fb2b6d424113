import express from 'express';
import { codes, FORBIDDEN, UNAUTHORIZED } from './http/status';

const app = express();

app.get('/orders', (req, res) => {
  if (!req.headers.authorization) return res.status(codes.UNAUTHORIZED).json({ error: 'token required' }); // expect: missing-www-authenticate
  if (!req.user.permissions.includes('orders:read')) return res.status(FORBIDDEN).json({ error: 'not allowed' });
  res.json([]);
});

app.get('/orders/:id', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(UNAUTHORIZED).set('WWW-Authenticate', 'Bearer realm="orders"').json({ error: 'token required' });
  }
  if (req.user.role !== 'admin') return res.status(UNAUTHORIZED).set('WWW-Authenticate', 'Bearer').json({}); // expect: unauthorized-for-permission, invalid-challenge
  res.status(codes.NOT_FOUND).end();
});

app.listen(3000);
