// Express error handlers and a route that answer an error by its code or name, as apps map the
// errors of their services and of jsonwebtoken. A code that names a permission failure of a known
// caller is a 403, one that names an unauthenticated caller a 401 with its challenge, whatever the
// branch is written as (an `if` or a `case`).
import express, { type NextFunction, type Request, type Response } from 'express';

declare function removeProject(id: string): Promise<void>;
declare module 'express-serve-static-core' {
  interface Request {
    user?: { id: string };
  }
}

interface ServiceError {
  code: string;
  name: string;
  message: string;
}

export const api = express();

api.use((err: ServiceError, req: Request, res: Response, next: NextFunction) => {
  switch (err.code) {
    case 'NOT_FOUND':
      return res.status(404).json({ error: err.message });
    case 'UNAUTHENTICATED':
      return res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).json({ error: err.message });
    case 'PERMISSION_DENIED':
      // An error handler knows no caller: the code may be a guest's, for whom a 401 is right.
      return res.status(401).json({ error: err.message }); // expect: missing-www-authenticate
  }
  next(err);
});

// A route that knows its caller: the permission code of the service's error is answered 401.
api.delete('/projects/:id', async (req: Request, res: Response) => {
  if (!req.user) return res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).end();
  try {
    await removeProject(req.params.id);
  } catch (error) {
    const err = error as ServiceError;
    if (err.code === 'PERMISSION_DENIED') {
      return res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).json({ error: err.message }); // expect: unauthorized-for-permission
    }
    throw error;
  }
  res.status(204).end();
});

api.use((err: ServiceError, req: Request, res: Response, next: NextFunction) => {
  if (err.code === 'UNAUTHENTICATED') {
    return res.status(403).json({ error: err.message }); // expect: forbidden-for-missing-credentials
  }
  // A token's error names no credential of the request for sure (an invitation's may be expired).
  if (err.name === 'TokenExpiredError') {
    return res.status(403).json({ error: 'link expired' });
  }
  if (err.name === 'ForbiddenError') {
    return res.status(403).json({ error: err.message });
  }
  next(err);
});

// The same mapping done right: nothing to report.
export const admin = express();

admin.use((err: ServiceError, req: Request, res: Response, next: NextFunction) => {
  switch (err.name) {
    case 'TokenExpiredError':
    case 'JsonWebTokenError':
      return res.set('WWW-Authenticate', 'Bearer error="invalid_token"').status(401).end();
    case 'ForbiddenError':
      return res.status(403).end();
    default:
      return next(err);
  }
});
