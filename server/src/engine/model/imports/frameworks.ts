import ts from 'typescript';
import type { FileImports } from '../adapter';
import type { FileFacts, Framework } from '../types';

/** The modules that tell which framework a file is written for. */
const FRAMEWORK_MODULES: [RegExp, Framework][] = [
  [/^express$/, 'express'],
  [/^(http|https|http2)$/, 'node-http'],
  [/^fastify$|^@fastify\//, 'fastify'],
  [/^koa$|^@koa\/|^koa-/, 'koa'],
  // Boom alone is an error library, used in Express apps too: only hapi's server makes a hapi file.
  [/^@hapi\/hapi$|^hapi$/, 'hapi'],
  [/^@nestjs\//, 'nestjs'],
  [/^next(\/|$)/, 'nextjs'],
  [/^hono(\/|$)/, 'hono'],
  [/^h3$|^nitropack|^#imports$/, 'h3'],
  [/^elysia$/, 'elysia'],
  [/^http-errors$/, 'http-errors'],
];

export function frameworksOf(modules: Iterable<string>): Set<Framework> {
  const found = new Set<Framework>();
  for (const module of modules) {
    for (const [pattern, framework] of FRAMEWORK_MODULES) if (pattern.test(module)) found.add(framework);
  }
  return found;
}

/** Frameworks whose response calls look like Express's (`reply.status(401)` in Fastify,
 * `res.status(401)` in a Next.js API route, which has no `res.set`) but are not. */
const LOOKALIKES: readonly Framework[] = ['fastify', 'koa', 'hapi', 'nestjs', 'nextjs', 'hono', 'h3', 'elysia'];

/** Whether a file may hold Express or node:http handlers: it imports no other server framework. */
export function isPlainNodeFile(facts: Pick<FileFacts, 'frameworks'>): boolean {
  return !LOOKALIKES.some((framework) => facts.frameworks.has(framework));
}

/** Mock servers in tests (msw, nock) describe responses of other servers: not this code's. */
const MOCK_MODULES = /^msw(\/|$)|^nock$|^fetch-mock|^undici\/mock/;

export function isMockFile(facts: FileImports): boolean {
  for (const module of facts.modules) if (MOCK_MODULES.test(module)) return true;
  return false;
}

/** next-safe-action turns what a server action throws into a message of a 200 response. */
const SERVER_ACTION_MODULES = /^next-safe-action(\/|$)/;

/**
 * Whether a file's code answers no HTTP request with its statuses: Next.js server actions (a
 * `'use server'` file: an error they throw reaches the client as a message, never as a 401), and
 * the middleware of next-safe-action.
 */
export function isServerActionFile(sourceFile: ts.SourceFile, facts: FileImports): boolean {
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.text === 'use server') return true;
  }
  for (const module of facts.modules) if (SERVER_ACTION_MODULES.test(module)) return true;
  return false;
}
