import { concernOfSite } from '../evidence/concern';
import { allOf, defineRule } from '../rule';
import { stringLiteral, type SourceStyle } from '../model/syntax/source-style';
import type { FixOutcome, ResponseSite } from '../model/types';

/** The edits that turn a 407 into a 401 with a challenge: a Proxy-Authenticate header written
 * with a literal name is renamed (its challenge kept); otherwise the default challenge is added. */
function asUnauthorized(site: ResponseSite, challenge: string, style: SourceStyle): FixOutcome {
  const status = site.status.rewrite(401);
  if (site.headers.some((write) => write.name === 'www-authenticate')) return status;
  const proxyChallenge = site.headers.find((write) => write.name === 'proxy-authenticate' && write.nameNode);
  if (proxyChallenge?.nameNode) {
    const quote = proxyChallenge.nameNode.getText()[0];
    const rename = { start: proxyChallenge.nameNode.getStart(), end: proxyChallenge.nameNode.end, newText: `${quote}WWW-Authenticate${quote}` };
    return allOf(status, { edits: [rename] });
  }
  return allOf(status, site.fixer.addHeader('WWW-Authenticate', stringLiteral(challenge, style)));
}

export const proxyAuthFromOrigin = defineRule({
  id: 'proxy-auth-from-origin',
  description: 'Disallow 407 Proxy Authentication Required from an origin server',
  defaultSeverity: 'warning',
  fixKind: 'suggestion',
  messages: {
    origin:
      'This sends 407, which only a proxy may send, and nothing marks this file as proxy code: clients will look for a proxy that is not there. Send 401 with a WWW-Authenticate challenge, or mark a real proxy with `// http-auth-lint proxy` or httpAuthLint.proxyFiles.',
  },
  check({ model, settings, report }) {
    if (model.facts.proxyEvidence) return;
    for (const site of model.sites) {
      if (site.status.code !== 407) continue;
      // A 407 that refuses a known caller (a role check) is a 403, not a 401.
      const permission = concernOfSite(site, model.definitions)?.concern === 'permission';
      report({
        range: site.range,
        messageId: 'origin',
        fix: permission
          ? { title: 'Send 403 Forbidden instead', outcome: site.status.rewrite(403) }
          : { title: 'Send 401 with a WWW-Authenticate challenge instead', outcome: asUnauthorized(site, settings.defaultChallenge, model.facts.style) },
      });
    }
  },
});
