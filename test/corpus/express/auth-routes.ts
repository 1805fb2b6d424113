// Account routes of a JSON API: every 401 needs a WWW-Authenticate challenge on the same response.
import express, { Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';
import { sessions } from '../lib/sessions';

const router = express.Router();
const UNAUTHORIZED = 401;

router.get('/me', (req: Request, res: Response) => {
  if (!req.headers.authorization) {
    return res.status(401).json({ error: 'missing token' }); // expect: missing-www-authenticate
  }
  res.json(sessions.userFor(req.headers.authorization));
});

router.get('/me/avatar', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'missing token' });
  }
  res.sendFile(sessions.avatarPath(req.headers.authorization));
});

// The challenge is set for browsers only; API clients get a bare 401.
router.get('/me/settings', (req, res) => {
  const user = sessions.userFor(req.headers.authorization);
  if (!user) {
    if (req.accepts('html')) {
      res.set('WWW-Authenticate', 'Basic realm="settings"');
    }
    return res.sendStatus(401); // expect: missing-www-authenticate
  }
  res.json(user.settings);
});

router.get('/admin/export', (req, res) => {
  if (!req.headers.authorization) {
    res.set({ 'WWW-Authenticate': 'Basic realm="admin", charset="UTF-8"', 'Cache-Control': 'no-store' });
    return res.status(401).send('Authentication required');
  }
  res.attachment('export.csv').send(sessions.exportCsv());
});

// Header names are case-insensitive: this challenge counts.
router.get('/me/tokens', (req, res) => {
  if (!req.headers.authorization) {
    res.header('www-authenticate', 'Bearer realm="api"');
    return res.status(StatusCodes.UNAUTHORIZED).json({ error: 'missing token' });
  }
  res.json(sessions.tokensFor(req.headers.authorization));
});

router.post('/me/tokens', (req, res) => {
  if (!req.headers.authorization) {
    res.append('WWW-Authenticate', 'Bearer realm="api"');
    return res.sendStatus(StatusCodes.UNAUTHORIZED);
  }
  res.status(201).json(sessions.issueToken(req.headers.authorization));
});

router.delete('/me/tokens', (req, res) => {
  if (!sessions.isValid(req.headers.authorization)) {
    return res.status(StatusCodes.UNAUTHORIZED).end(); // expect: missing-www-authenticate
  }
  sessions.revokeAll(req.headers.authorization);
  res.sendStatus(204);
});

// `r` is the same response object as `res`.
router.get('/me/sessions', (req, res) => {
  const r = res;
  if (!req.headers.authorization) {
    r.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    return r.status(401).json({ error: 'missing token' });
  }
  r.json(sessions.list(req.headers.authorization));
});

router.get('/me/devices', (req, res) => {
  const reply = res;
  if (!req.headers.authorization) {
    return reply.status(UNAUTHORIZED).json({ error: 'missing token' }); // expect: missing-www-authenticate
  }
  reply.json(sessions.devices(req.headers.authorization));
});

router.get('/me/raw', (req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'text/plain' });
    return res.end('missing token');
  }
  res.end(JSON.stringify(sessions.userFor(req.headers.authorization)));
});

router.get('/me/raw.txt', (req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'Content-Type': 'text/plain' }); // expect: missing-www-authenticate
    return res.end('missing token');
  }
  res.type('text').send(String(sessions.userFor(req.headers.authorization)));
});

// The conditional sends 401 when there is no user, and nothing sets a challenge. Its 403 is sent
// only when `user` is set (a known user whose feed is off), so it is not forbidden-for-missing-credentials.
router.get('/me/feed', (req, res) => {
  const user = sessions.userFor(req.headers.authorization);
  if (!user || !user.feedEnabled) {
    return res.status(user ? 403 : 401).json({ error: 'feed unavailable' }); // expect: missing-www-authenticate
  }
  res.json(user.feed);
});

// A 403 may carry a challenge (RFC 6750 insufficient_scope): never a finding.
router.post('/me/email', (req, res) => {
  const user = sessions.userFor(req.headers.authorization);
  if (user && !user.scopes.includes('email:write')) {
    res.set('WWW-Authenticate', 'Bearer realm="api", error="insufficient_scope", scope="email:write"');
    return res.status(403).json({ error: 'insufficient_scope' });
  }
  res.sendStatus(204);
});

// Suppressed on purpose: the API gateway in front of this service adds the challenge.
router.get('/internal/health/auth', (req, res) => {
  if (!req.headers['x-internal-token']) {
    // http-auth-lint-disable-next-line missing-www-authenticate -- the gateway adds the challenge
    return res.status(401).json({ error: 'missing internal token' });
  }
  res.json({ ok: true });
});

export default router;
