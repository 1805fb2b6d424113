import type { FileFacts } from './types';

/** Modules of frameworks whose responses are not Express or node:http responses even where the
 * calls look alike (`reply.status(401)` in Fastify, `res.status(401)` in a Next.js API route
 * without `res.set`). Their files are left alone until their own adapter reads them. */
const OTHER_FRAMEWORKS = [/^fastify$/, /^koa$/, /^@hapi\//, /^@nestjs\//, /^next(\/|$)/, /^hono(\/|$)/, /^h3$/, /^nitropack/, /^elysia$/, /^msw(\/|$)/];

export function handledByAnotherFramework(facts: FileFacts): boolean {
  for (const module of facts.modules) if (OTHER_FRAMEWORKS.some((pattern) => pattern.test(module))) return true;
  return false;
}
