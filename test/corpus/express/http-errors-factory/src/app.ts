import express from 'express';
import { ChallengedTokenError, RoleError, TokenError } from './errors';

const app = express();

app.get('/reports', (req, res, next) => {
  if (!req.headers.authorization) return next(ChallengedTokenError('missing token'));
  if (!req.user.roles.includes('analyst')) return next(TokenError('analysts only')); // expect: unauthorized-for-permission
  res.json([]);
});

app.get('/billing', (req, res, next) => {
  if (!req.headers.authorization) return next(RoleError('sign in')); // expect: forbidden-for-missing-credentials
  res.json({});
});

// The error middleware sends the error's own headers with its status.
app.use((err, req, res, next) => {
  res.set(err.headers ?? {}).status(err.status ?? 500).json({ error: err.message });
});

app.listen(3000);
