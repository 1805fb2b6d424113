import { concernOfSite, relatedOf } from '../evidence/concern';
import { stringLiteral } from '../model/syntax/source-style';
import type { FixOutcome, ResponseSite } from '../model/types';
import { allOf, defineRule } from '../rule';

/** 403 -> 401, with the challenge a 401 requires (RFC 9110 §15.5.2). Where the framework's idiom
 * cannot carry the header (Nest's exceptions), the fix says why instead of writing a 401 that
 * missing-www-authenticate would then report. */
function asUnauthorized(site: ResponseSite, challengeCode: string): FixOutcome {
  const status = site.status.rewrite(401);
  if (site.headers.some((write) => write.name === 'www-authenticate' || write.name === undefined)) return status;
  return allOf(status, site.fixer.addHeader('WWW-Authenticate', challengeCode));
}

export const forbiddenForMissingCredentials = defineRule({
  id: 'forbidden-for-missing-credentials',
  description: 'Require 401 rather than 403 when credentials are missing or invalid',
  defaultSeverity: 'warning',
  fixKind: 'suggestion',
  messages: {
    credentials:
      'This 403 answers missing or invalid credentials: {{evidence}}. A 403 tells clients that logging in will not help: send 401 with a WWW-Authenticate challenge.',
  },
  check({ model, settings, report }) {
    for (const site of [...model.sites, ...(model.helperCalls ?? [])]) {
      if (site.status.code !== 403) continue;
      const evidence = concernOfSite(site, model.definitions);
      if (evidence?.concern !== 'credentials') continue;
      report({
        range: site.range,
        messageId: 'credentials',
        data: { evidence: evidence.description },
        related: relatedOf(evidence),
        fix: {
          title: 'Send 401 with a WWW-Authenticate challenge instead',
          outcome: asUnauthorized(site, stringLiteral(settings.defaultChallenge, model.facts.style)),
        },
      });
    }
  },
});
