// Every framework adapter, in the order their sites are reported. Add a new adapter here.
import type { FrameworkAdapter } from './adapter';
import { expressAdapter } from './express';
import { fastifyAdapter } from './fastify';
import { hapiAdapter } from './hapi';
import { httpErrorsAdapter } from './http-errors';
import { koaAdapter } from './koa';
import { nestjsAdapter } from './nestjs';
import { nodeHttpAdapter } from './node-http';

export const ADAPTERS: readonly FrameworkAdapter[] = [expressAdapter, nodeHttpAdapter, hapiAdapter, nestjsAdapter, httpErrorsAdapter, fastifyAdapter, koaAdapter];
