import type { Rule } from '../rule';
import { challengeLost } from './challenge-lost';
import { forbiddenForMissingCredentials } from './forbidden-for-missing-credentials';
import { invalidChallenge } from './invalid-challenge';
import { missingProxyAuthenticate } from './missing-proxy-authenticate';
import { missingWwwAuthenticate } from './missing-www-authenticate';
import { proxyAuthFromOrigin } from './proxy-auth-from-origin';
import { unauthorizedForPermission } from './unauthorized-for-permission';

/** Every rule, in the order of the catalogue (shared/DOMAIN.md). */
export const RULES: readonly Rule[] = [
  missingWwwAuthenticate,
  proxyAuthFromOrigin,
  unauthorizedForPermission,
  forbiddenForMissingCredentials,
  missingProxyAuthenticate,
  invalidChallenge,
  challengeLost,
];
