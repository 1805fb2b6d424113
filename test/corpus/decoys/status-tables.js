// Status tables, constants and documentation: numbers that are never sent as a status.
'use strict';

/**
 * Maps a status to the message shown to users.
 *
 * @example
 *   // in an Express handler:
 *   res.status(401).json({ error: STATUS_MESSAGES[401] });
 *
 * @example
 *   ctx.throw(403, STATUS_MESSAGES[403]);
 */
const STATUS_MESSAGES = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  407: 'Proxy authentication required',
};

// Statuses after which a client should not retry with the same credentials.
const NO_RETRY = new Set([401, 403, 407]);

const AUTH_STATUSES = Object.freeze({
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PROXY_AUTH_REQUIRED: 407,
});

const retryPolicy = {
  retryOn: [408, 429, 503],
  neverRetryOn: [401, 403, 407],
};

/*
 * Old handler kept for reference:
 *
 *   if (!req.user) return res.status(401).send('login');
 *   res.writeHead(407);
 */

function isAuthFailure(status) {
  return status === 401 || status === 403 || status === 407;
}

function messageFor(err) {
  if (err.status === 401 || err.statusCode === 401) return STATUS_MESSAGES[401];
  if (err.status === 403) return STATUS_MESSAGES[403];
  return err.message;
}

// Log fields and metric names that mention statuses.
function recordAuthFailure(logger, metrics, status, route) {
  logger.warn({ status, route, expected: [401, 403] }, 'auth failure');
  metrics.increment(`http.${status}`, { route });
  metrics.increment('http.401.total');
}

module.exports = { STATUS_MESSAGES, NO_RETRY, AUTH_STATUSES, retryPolicy, isAuthFailure, messageFor, recordAuthFailure };
