// Every framework adapter, in the order their sites are reported. Add a new adapter here.
import type { FrameworkAdapter } from '../adapter';
import { elysiaAdapter } from './elysia/adapter';
import { expressAdapter } from './express/adapter';
import { fastifyAdapter } from './fastify/adapter';
import { fetchAdapter } from './fetch/adapter';
import { h3Adapter } from './h3/adapter';
import { hapiAdapter } from './hapi/adapter';
import { honoAdapter } from './hono/adapter';
import { httpErrorsAdapter } from './http-errors/adapter';
import { koaAdapter } from './koa/adapter';
import { nestjsAdapter } from './nestjs/adapter';
import { nextjsAdapter } from './nextjs/adapter';
import { nodeHttpAdapter } from './node-http/adapter';

export const ADAPTERS: readonly FrameworkAdapter[] = [expressAdapter, nodeHttpAdapter, hapiAdapter, nestjsAdapter, httpErrorsAdapter, fastifyAdapter, koaAdapter, fetchAdapter, nextjsAdapter, honoAdapter, h3Adapter, elysiaAdapter];
