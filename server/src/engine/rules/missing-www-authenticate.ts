import { defineRule } from '../rule';
import { stringLiteral } from '../model/syntax/source-style';
import type { HeaderWrite } from '../model/types';

const isChallenge = (write: HeaderWrite) => write.name === 'www-authenticate';

export const missingWwwAuthenticate = defineRule({
  id: 'missing-www-authenticate',
  description: 'Require a WWW-Authenticate challenge on every 401 response',
  defaultSeverity: 'error',
  fixKind: 'safe',
  messages: {
    missing:
      'This 401 has no WWW-Authenticate header, which RFC 9110 requires: without a challenge clients cannot tell how to authenticate. Set one, e.g. WWW-Authenticate: {{challenge}}.',
    elsewhere: 'WWW-Authenticate is set here, but not on the path of this 401.',
  },
  check({ model, settings, report }) {
    for (const site of model.sites) {
      if (site.status.code !== 401) continue;
      // A header whose name is not known statically may be the challenge: stay silent.
      if (site.headers.some((write) => write.name === undefined || isChallenge(write))) continue;
      // A challenge set but dropped by the framework is challenge-lost's finding.
      if (site.droppedHeaders.some(({ write }) => isChallenge(write))) continue;
      report({
        range: site.range,
        messageId: 'missing',
        data: { challenge: settings.defaultChallenge },
        related: site.headersElsewhere.filter(isChallenge).map((write) => ({
          start: write.node.getStart(),
          end: write.node.end,
          message: missingWwwAuthenticate.messages.elsewhere,
        })),
        fix: { title: 'Add WWW-Authenticate challenge', outcome: site.fixer.addHeader('WWW-Authenticate', stringLiteral(settings.defaultChallenge, model.facts.style)) },
      });
    }
  },
});
