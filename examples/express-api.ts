// An Express API with the mistakes HTTP Auth Lint finds. Each expected finding is marked at the
// end of its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
import express, { type NextFunction, type Request, type Response } from 'express';
import { StatusCodes } from 'http-status-codes';

const app = express();
app.use(express.json());

function requireUser(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.authorization) {
    return res.status(401).json({ error: 'missing token' }); // expect: missing-www-authenticate
  }
  next();
}

function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (req.user?.role !== 'admin') {
    return res.status(StatusCodes.UNAUTHORIZED).json({ error: 'admins only' }); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  next();
}

app.get('/me', requireUser, (req, res) => {
  res.json(req.user);
});

app.delete('/posts/:id', requireUser, requireAdmin, (req, res) => {
  res.sendStatus(204);
});

// Right: a challenge on the 401, and a 403 for a known caller without the permission.
app.post('/posts', (req, res) => {
  if (!req.user) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'login required' });
  }
  if (!req.user.permissions.includes('posts:write')) {
    return res.status(403).json({ error: 'insufficient permissions' });
  }
  res.status(201).json({ ok: true });
});

// A 407 from an origin server sends clients looking for a proxy.
app.get('/reports', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(407).set('Proxy-Authenticate', 'Basic realm="reports"').end(); // expect: proxy-auth-from-origin
  }
  res.json([]);
});

// The header is set on one branch only: the JSON branch sends its 401 without it.
app.get('/dashboard', (req, res) => {
  if (req.accepts('html')) {
    res.set('WWW-Authenticate', 'Basic realm="dashboard"');
  }
  res.sendStatus(401); // expect: missing-www-authenticate
});

app.listen(3000);
