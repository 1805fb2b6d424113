import { defineRule } from '../rule';
import type { TextEdit } from '../types';
import type { ResponseSite } from '../model/types';

/** The edits that turn a 407 into a 401 with a challenge: a Proxy-Authenticate header written
 * with a literal name is renamed (its challenge kept); otherwise the default challenge is added. */
function asUnauthorized(site: ResponseSite, challenge: string): TextEdit[] | undefined {
  const status: TextEdit = { start: site.status.node.getStart(), end: site.status.node.end, newText: site.status.spell(401) };
  if (site.headers.some((write) => write.name === 'www-authenticate')) return [status];
  const proxyChallenge = site.headers.find((write) => write.name === 'proxy-authenticate' && write.nameNode);
  if (proxyChallenge?.nameNode) {
    const quote = proxyChallenge.nameNode.getText()[0];
    return [status, { start: proxyChallenge.nameNode.getStart(), end: proxyChallenge.nameNode.end, newText: `${quote}WWW-Authenticate${quote}` }];
  }
  const header = site.fixer.addHeader('WWW-Authenticate', challenge);
  return header && [status, ...header];
}

export const proxyAuthFromOrigin = defineRule({
  id: 'proxy-auth-from-origin',
  description: 'Disallow 407 Proxy Authentication Required from an origin server',
  defaultSeverity: 'warning',
  fixKind: 'suggestion',
  messages: {
    origin:
      'This sends 407, which only a proxy may send, and nothing marks this file as proxy code: clients will look for a proxy that is not there. Send 401 with a WWW-Authenticate challenge, or mark a real proxy with `// http-auth-lint proxy`.',
  },
  check({ model, settings, report }) {
    if (model.facts.proxyEvidence) return;
    for (const site of model.sites) {
      if (site.status.code !== 407) continue;
      report({
        range: site.range,
        messageId: 'origin',
        fix: { title: 'Send 401 with a WWW-Authenticate challenge instead', edits: asUnauthorized(site, settings.defaultChallenge) },
      });
    }
  },
});
