// Express error handlers that choose the status in a variable and send it once, the way many
// apps map their error types. The 401 is found where the handler chooses it.
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from './app-error';

export const api = express();

api.use((err: AppError, req: Request, res: Response, next: NextFunction) => {
  let status = 500;
  switch (err.kind) {
    case 'invalid':
      status = 400;
      break;
    case 'session-expired':
      status = 401; // expect: missing-www-authenticate
      break;
    case 'missing':
      status = 404;
      break;
  }
  res.status(status).json({ error: err.kind });
});

// The same mapping, with the challenge written where the 401 is chosen.
export const admin = express();

admin.use((err: AppError, req: Request, res: Response, next: NextFunction) => {
  let status = 500;
  if (err.kind === 'session-expired') {
    status = 401;
    res.set('WWW-Authenticate', 'Bearer realm="admin"');
  }
  res.status(status).json({ error: err.kind });
});
