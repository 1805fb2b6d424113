// A hapi API with Boom errors and the mistakes HTTP Auth Lint finds. Each expected finding is
// marked at the end of its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
import Hapi, { type Request, type ResponseToolkit } from '@hapi/hapi';
import Boom from '@hapi/boom';
import { sessions, projects } from './lib/projects';

export const server = Hapi.server({ port: 3000 });

// Boom.unauthorized without a scheme sends no WWW-Authenticate.
async function session(request: Request) {
  const found = await sessions.find(request.headers.authorization);
  if (!found) {
    throw Boom.unauthorized('Missing token'); // expect: missing-www-authenticate
  }
  return found;
}

server.route({
  method: 'GET',
  path: '/projects',
  handler: async (request) => projects.list((await session(request)).userId),
});

// Right: Boom writes `WWW-Authenticate: Bearer realm="projects", error="Invalid token"` itself.
server.route({
  method: 'GET',
  path: '/projects/{id}',
  handler: async (request) => {
    const token = request.headers.authorization;
    if (!token || !(await sessions.verify(token))) {
      throw Boom.unauthorized('Invalid token', 'Bearer', { realm: 'projects' });
    }
    return projects.get(request.params.id);
  },
});

// The caller is known but may not delete: that is a 403, not a 401 that sends them back to log in.
server.route({
  method: 'DELETE',
  path: '/projects/{id}',
  handler: async (request, h: ResponseToolkit) => {
    const user = await session(request);
    const project = await projects.get(request.params.id);
    if (project.ownerId !== user.userId) {
      return h.response({ error: 'only the owner may delete a project' }).code(401); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    await projects.remove(project.id);
    return h.response().code(204);
  },
});

// A 403 for a request without credentials tells the client that logging in will not help.
server.route({
  method: 'POST',
  path: '/projects',
  handler: async (request, h) => {
    if (!request.headers.authorization) {
      throw Boom.forbidden('Not logged in'); // expect: forbidden-for-missing-credentials
    }
    return h.response(await projects.create(request.payload)).code(201);
  },
});

// A bare Bearer challenge: RFC 6750 requires at least one parameter.
server.route({
  method: 'GET',
  path: '/exports',
  handler: (request, h) => h.response({ error: 'log in' }).code(401).header('WWW-Authenticate', 'Bearer'), // expect: invalid-challenge
});
