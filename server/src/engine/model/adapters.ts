// Every framework adapter, in the order their sites are reported. Add a new adapter here.
import type { FrameworkAdapter } from './adapter';
import { elysiaAdapter } from './elysia';
import { expressAdapter } from './express';
import { fastifyAdapter } from './fastify';
import { fetchAdapter } from './fetch';
import { h3Adapter } from './h3';
import { hapiAdapter } from './hapi';
import { honoAdapter } from './hono';
import { httpErrorsAdapter } from './http-errors';
import { koaAdapter } from './koa';
import { nestjsAdapter } from './nestjs';
import { nextjsAdapter } from './nextjs';
import { nodeHttpAdapter } from './node-http';

export const ADAPTERS: readonly FrameworkAdapter[] = [expressAdapter, nodeHttpAdapter, hapiAdapter, nestjsAdapter, httpErrorsAdapter, fastifyAdapter, koaAdapter, fetchAdapter, nextjsAdapter, honoAdapter, h3Adapter, elysiaAdapter];
