// Every framework adapter, in the order their sites are reported. Add a new adapter here.
import type { FrameworkAdapter } from './adapter';
import { expressAdapter } from './express';
import { hapiAdapter } from './hapi';
import { httpErrorsAdapter } from './http-errors';
import { nestjsAdapter } from './nestjs';
import { nodeHttpAdapter } from './node-http';

export const ADAPTERS: readonly FrameworkAdapter[] = [expressAdapter, nodeHttpAdapter, hapiAdapter, nestjsAdapter, httpErrorsAdapter];
