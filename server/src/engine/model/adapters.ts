// Every framework adapter, in the order their sites are reported. Add a new adapter here.
import type { FrameworkAdapter } from './adapter';
import { expressAdapter } from './express';
import { nodeHttpAdapter } from './node-http';

export const ADAPTERS: readonly FrameworkAdapter[] = [expressAdapter, nodeHttpAdapter];
