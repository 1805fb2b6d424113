import { stringLiteral } from '../model/syntax/source-style';
import { defineRule } from '../rule';

/** Proxies ask browsers and CLI clients for proxy credentials with Basic (curl's --proxy-user,
 * browsers' proxy login dialog): there, unlike for an API, a Basic challenge is what users want. */
export const DEFAULT_PROXY_CHALLENGE = 'Basic realm="proxy"';

export const missingProxyAuthenticate = defineRule({
  id: 'missing-proxy-authenticate',
  description: 'Require a Proxy-Authenticate challenge on every 407 a proxy sends',
  defaultSeverity: 'error',
  fixKind: 'safe',
  messages: {
    missing:
      'This 407 has no Proxy-Authenticate header, which RFC 9110 requires of a proxy: clients cannot tell how to authenticate to it. Set one, e.g. Proxy-Authenticate: {{challenge}}.',
  },
  check({ model, report }) {
    // 407 from an origin server is proxy-auth-from-origin's finding, not this one.
    if (!model.facts.proxyEvidence) return;
    for (const site of model.sites) {
      if (site.status.code !== 407) continue;
      if (site.headers.some((write) => write.name === undefined || write.name === 'proxy-authenticate')) continue;
      report({
        range: site.range,
        messageId: 'missing',
        data: { challenge: DEFAULT_PROXY_CHALLENGE },
        fix: { title: 'Add Proxy-Authenticate challenge', outcome: site.fixer.addHeader('Proxy-Authenticate', stringLiteral(DEFAULT_PROXY_CHALLENGE, model.facts.style)) },
      });
    }
  },
});
