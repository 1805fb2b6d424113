// Express error handlers that answer an error by its code or name, as apps map the errors of their
// services and of jsonwebtoken. A code that names a permission failure is a 403, one that names an
// expired or invalid token a 401 with its challenge, whatever the branch is written as.
import express, { type NextFunction, type Request, type Response } from 'express';

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
      return res.status(401).json({ error: err.message }); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  next(err);
});

api.use((err: ServiceError, req: Request, res: Response, next: NextFunction) => {
  if (err.name === 'TokenExpiredError') {
    return res.status(403).json({ error: 'token expired' }); // expect: forbidden-for-missing-credentials
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
