// Guards of a document service: 401 when the caller is unknown, 403 when a known caller may not act.
import { NextFunction, Request, Response, Router } from 'express';
import jwt from 'jsonwebtoken';
import { docs, canEdit, PermissionError } from '../lib/docs';

interface User {
  id: string;
  roles: string[];
  isAdmin?: boolean;
  role?: string;
}
type AuthedRequest = Request & { user?: User };

const router = Router();
const JWT_SECRET = process.env.JWT_SECRET ?? 'dev';

// Missing token answered with 403: RFC 9110 wants 401 with a challenge.
export function verifyToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers['x-access-token'] as string | undefined;
  if (!token) {
    return res.status(403).json({ error: 'No token provided' }); // expect: forbidden-for-missing-credentials
  }
  jwt.verify(token, JWT_SECRET, (err, decoded) => {
    if (err) {
      // A failed verify is an invalid credential, not a refused permission.
      return res.sendStatus(403); // expect: forbidden-for-missing-credentials
    }
    (req as AuthedRequest).user = decoded as User;
    next();
  });
}

export function requireRole(role: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const user = (req as AuthedRequest).user;
    if (!user) {
      return res.status(401).set('WWW-Authenticate', 'Bearer realm="docs"').json({ error: 'login required' });
    }
    if (!user.roles.includes(role)) {
      return res.status(401).json({ error: 'insufficient role' }); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    next();
  };
}

router.put('/docs/:id', verifyToken, async (req, res) => {
  const doc = await docs.find(req.params.id);
  const user = (req as AuthedRequest).user;
  // The challenge is there, but the guard is about ownership: 403 is the status.
  if (doc.ownerId !== user.id) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="docs"').json({ error: 'not your document' }); // expect: unauthorized-for-permission
  }
  res.json(await docs.update(doc, req.body));
});

router.delete('/docs/:id', verifyToken, async (req, res) => {
  const doc = await docs.find(req.params.id);
  if (!canEdit((req as AuthedRequest).user, doc)) {
    return res.status(403).json({ error: 'you cannot delete this document' });
  }
  await docs.remove(doc);
  res.sendStatus(204);
});

router.post('/docs/:id/publish', verifyToken, async (req, res) => {
  try {
    await docs.publish(req.params.id, (req as AuthedRequest).user);
    res.sendStatus(204);
  } catch (e) {
    if (e instanceof PermissionError) {
      return res.status(401).json({ message: 'Insufficient permissions to publish' }); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    throw e;
  }
});

// The guard mixes a credentials check and a role check: either status could be meant, so
// unauthorized-for-permission stays silent. The challenge is there, so nothing to report.
router.get('/admin/audit', (req, res) => {
  const user = (req as AuthedRequest).user;
  if (!user || !user.isAdmin) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="docs"').end();
  }
  res.json(docs.auditLog());
});

router.get('/admin/stats', (req, res) => {
  const user = (req as AuthedRequest).user;
  if (user.role !== 'admin') {
    return res.status(403).json({ error: 'Admins only' });
  }
  res.json(docs.stats());
});

router.get('/drafts', (req, res) => {
  if (!(req as AuthedRequest).user) {
    return res.status(403).send('Please log in to see your drafts'); // expect: forbidden-for-missing-credentials
  }
  res.json(docs.draftsOf((req as AuthedRequest).user));
});

// The 404 hides the document from a caller who may not see it (RFC 9110 §15.5.4 allows it).
router.get('/docs/:id', verifyToken, async (req, res) => {
  const doc = await docs.find(req.params.id);
  if (!doc || !canEdit((req as AuthedRequest).user, doc)) {
    return res.status(404).json({ error: 'not found' });
  }
  res.json(doc);
});

export default router;
