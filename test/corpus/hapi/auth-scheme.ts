// A custom Hapi auth scheme and strategy (API keys), plus routes that rely on it.
import Hapi, { Request, ResponseToolkit, Server } from '@hapi/hapi';
import Boom from '@hapi/boom';
import { StatusCodes } from 'http-status-codes';
import { apiKeys } from '../lib/api-keys';

// The scheme answers missing and bad keys with Boom.unauthorized(message, scheme): hapi's
// documented pattern, and Boom writes `WWW-Authenticate: ApiKey ...` from the scheme.
const apiKeyScheme = (_server: Server) => ({
  authenticate: async (request: Request, h: ResponseToolkit) => {
    const key = request.headers['x-api-key'];
    if (!key) {
      throw Boom.unauthorized('Missing API key', 'ApiKey');
    }
    const client = await apiKeys.lookup(key);
    if (!client) {
      return h.unauthenticated(Boom.unauthorized('Unknown API key', 'ApiKey'));
    }
    return h.authenticated({ credentials: { client, scope: client.scopes } });
  },
});

// A token-expired error with the header written on the Boom output directly.
function expired() {
  const err = Boom.unauthorized('Token expired');
  err.output.headers['WWW-Authenticate'] = 'Bearer realm="partners", error="invalid_token"';
  return err;
}

// Several challenges given as an array: Boom joins them into one header.
function loginRequired() {
  return Boom.unauthorized('Login required', ['Basic realm="partners"', 'Bearer realm="partners"']);
}

export async function register(server: Server) {
  server.auth.scheme('api-key', apiKeyScheme);
  server.auth.strategy('partner-key', 'api-key');

  server.route({
    method: 'GET',
    path: '/partners/orders',
    options: { auth: 'partner-key' },
    handler: (request) => apiKeys.orders(request.auth.credentials),
  });

  server.route({
    method: 'GET',
    path: '/partners/feeds',
    options: { auth: false },
    handler: async (request, h) => {
      const token = request.headers.authorization;
      if (!token) {
        return h.response({ error: 'login required' }).code(StatusCodes.UNAUTHORIZED).takeover(); // expect: missing-www-authenticate
      }
      if (await apiKeys.isExpired(token)) {
        throw expired();
      }
      return apiKeys.feeds(token);
    },
  });

  server.route({
    method: 'GET',
    path: '/partners/reports',
    options: { auth: false },
    handler: async (request) => {
      if (!request.headers.authorization) {
        throw loginRequired();
      }
      return apiKeys.reports();
    },
  });

  // The caller is known (the strategy passed) but lacks a scope: 401 is the wrong status.
  server.route({
    method: 'POST',
    path: '/partners/refunds',
    options: { auth: 'partner-key' },
    handler: async (request) => {
      const scopes = request.auth.credentials.scope as string[];
      if (!scopes.includes('refunds')) {
        throw Boom.unauthorized('Insufficient scope for refunds'); // expect: missing-www-authenticate, unauthorized-for-permission
      }
      return apiKeys.refund(request.payload);
    },
  });
}

export function start() {
  const server = Hapi.server({ port: 4001 });
  return register(server).then(() => server.start());
}
