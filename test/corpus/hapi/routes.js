// Hapi routes of a recipes API, answering with Boom errors and h.response().
'use strict';

const Hapi = require('@hapi/hapi');
const Boom = require('@hapi/boom');
const { recipes, sessions } = require('../lib/recipes');

const server = Hapi.server({ port: 4000 });

server.route({
  method: 'GET',
  path: '/recipes',
  handler: async (request, h) => {
    const session = await sessions.find(request.headers.authorization);
    if (!session) {
      return h.response({ error: 'missing token' }).code(401); // expect: missing-www-authenticate
    }
    return recipes.list(session.userId);
  },
});

server.route({
  method: 'GET',
  path: '/recipes/{id}',
  handler: async (request, h) => {
    const session = await sessions.find(request.headers.authorization);
    if (!session) {
      return h.response({ error: 'missing token' }).code(401).header('WWW-Authenticate', 'Bearer realm="recipes"');
    }
    return recipes.get(request.params.id);
  },
});

server.route({
  method: 'POST',
  path: '/recipes',
  handler: async (request) => {
    const session = await sessions.find(request.headers.authorization);
    if (!session) {
      throw Boom.unauthorized('Missing token'); // expect: missing-www-authenticate
    }
    return recipes.create(session.userId, request.payload);
  },
});

// Boom.unauthorized with a scheme sets `WWW-Authenticate: Bearer error="Invalid token"` itself.
server.route({
  method: 'PUT',
  path: '/recipes/{id}',
  handler: async (request) => {
    const session = await sessions.find(request.headers.authorization);
    if (!session) {
      throw Boom.unauthorized('Invalid token', 'Bearer');
    }
    const recipe = await recipes.get(request.params.id);
    // The challenge is there, but the guard checks ownership: that is a 403.
    if (recipe.authorId !== session.userId) {
      throw Boom.unauthorized('You can only edit your own recipes', 'Bearer'); // expect: unauthorized-for-permission
    }
    return recipes.update(recipe, request.payload);
  },
});

server.route({
  method: 'DELETE',
  path: '/recipes/{id}',
  handler: async (request, h) => {
    const session = await sessions.find(request.headers.authorization);
    if (!session) {
      throw Boom.forbidden('Missing authentication'); // expect: forbidden-for-missing-credentials
    }
    if (!session.scopes.includes('recipes:delete')) {
      throw Boom.forbidden('Insufficient scope');
    }
    await recipes.remove(request.params.id);
    return h.response().code(204);
  },
});

server.route({
  method: 'GET',
  path: '/recipes/{id}/nutrition',
  handler: async (request, h) => {
    if (!request.headers.authorization) {
      return h
        .response({ error: 'invalid token' })
        .code(401)
        .header('www-authenticate', 'Bearer realm="recipes" error="invalid_token"'); // expect: invalid-challenge
    }
    return recipes.nutrition(request.params.id);
  },
});

server.route({
  method: 'GET',
  path: '/recipes/{id}/print',
  handler: async (request, h) => {
    if (!request.headers.authorization) {
      return h.response('authentication required').code(407); // expect: proxy-auth-from-origin
    }
    return recipes.printable(request.params.id);
  },
});

module.exports = { server };
