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

/** The rules with one of them throwing on every file: for tests of a shell's fault handling
 * (HTTP_AUTH_LINT_TEST_FAULTS), never used otherwise. */
export function rulesWithFault(ruleId: string): readonly Rule[] {
  return RULES.map((rule) =>
    rule.id === ruleId
      ? {
          ...rule,
          check: () => {
            throw new Error(`test fault: ${ruleId} throws`);
          },
        }
      : rule,
  );
}
