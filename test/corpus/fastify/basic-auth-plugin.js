// Fastify plugins protected by @fastify/basic-auth.
'use strict';

const fastifyBasicAuth = require('@fastify/basic-auth');
const { admins } = require('../lib/admins');

async function validate(username, password) {
  if (!(await admins.check(username, password))) {
    return new Error('Winter is coming');
  }
}

// With `authenticate`, @fastify/basic-auth sends `WWW-Authenticate: Basic realm="Westeros"` itself.
async function adminPlugin(fastify) {
  await fastify.register(fastifyBasicAuth, { validate, authenticate: { realm: 'Westeros' } });
  fastify.addHook('onRequest', fastify.basicAuth);
  fastify.get('/admin', async () => admins.dashboard());
}

// Without `authenticate` the plugin's 401 carries no challenge: Fastify's default error handler
// adds none, so the register call that configures the 401 is the finding.
async function reportsPlugin(fastify) {
  await fastify.register(fastifyBasicAuth, { validate }); // expect: missing-www-authenticate
  fastify.addHook('onRequest', fastify.basicAuth);
  fastify.get('/reports', async () => admins.reports());
}

// A hand-written Basic check next to the plugin: the realm is quoted, the charset is UTF-8.
async function exportPlugin(fastify) {
  fastify.get('/export', async (request, reply) => {
    const header = request.headers.authorization || '';
    if (!header.startsWith('Basic ')) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Basic realm="export", charset="UTF-8"')
        .send();
    }
    return admins.exportAll();
  });

  fastify.get('/export/legacy', async (request, reply) => {
    if (!request.headers.authorization) {
      // RFC 7617: the only allowed charset is "UTF-8".
      reply.header('WWW-Authenticate', 'Basic realm="export", charset="ISO-8859-1"'); // expect: invalid-challenge
      return reply.code(401).send();
    }
    return admins.exportLegacy();
  });
}

module.exports = { adminPlugin, reportsPlugin, exportPlugin };
