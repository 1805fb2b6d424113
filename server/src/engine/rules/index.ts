import type { Rule } from '../rule';
import { missingWwwAuthenticate } from './missing-www-authenticate';
import { proxyAuthFromOrigin } from './proxy-auth-from-origin';
import { unauthorizedForPermission } from './unauthorized-for-permission';

/** Every rule, in the order of the catalogue (shared/DOMAIN.md). */
export const RULES: readonly Rule[] = [missingWwwAuthenticate, proxyAuthFromOrigin, unauthorizedForPermission];
