import { defineRule } from '../rule';
import { stringLiteral } from '../model/syntax/source-style';
import type { HeaderWrite, ResponseSite, SiteOrigin } from '../model/types';
import type { RelatedLocation } from '../types';

const isChallenge = (write: HeaderWrite) => write.name === 'www-authenticate';

const messages = {
  missing:
    'This 401 has no WWW-Authenticate header, which RFC 9110 requires: without a challenge clients cannot tell how to authenticate. Set one, e.g. WWW-Authenticate: {{challenge}}.',
  viaHelper:
    '{{helper}} ({{where}}) sends this 401 without a WWW-Authenticate header, which RFC 9110 requires: clients cannot tell how to authenticate. Set one in that helper for 401s, e.g. WWW-Authenticate: {{challenge}}.',
  viaHandler:
    'This 401 ({{helper}}) reaches {{handler}} ({{where}}), which sends it without a WWW-Authenticate header, which RFC 9110 requires. Set one in that handler for 401s, e.g. WWW-Authenticate: {{challenge}}.',
  viaDefault:
    'This 401 ({{helper}}) goes out without a WWW-Authenticate header: {{reason}}. RFC 9110 requires a challenge on every 401; give the error one, e.g. WWW-Authenticate: {{challenge}}.',
  elsewhere: 'WWW-Authenticate is set here, but not on the path of this 401.',
  definition: '{{helper}} is defined here.',
  writtenAt: '{{helper}} returns this 401 here; the response is sent without a challenge where it is used.',
  handler: 'The error is answered here, without a challenge.',
};

/** The message and the places of a site whose status goes through the project's own code. */
function originReport(origin: SiteOrigin): { messageId: keyof typeof messages; data: Record<string, string>; related: RelatedLocation[] } {
  const definition: RelatedLocation = { file: origin.definition.file, start: origin.definition.start, end: origin.definition.end, message: messages.definition.replace('{{helper}}', `\`${origin.label}\``) };
  if (origin.handler) {
    return {
      messageId: 'viaHandler',
      data: { helper: `\`${origin.label}\``, handler: origin.handler.shape, where: origin.handler.where },
      related: [{ file: origin.handler.file, start: origin.handler.start, end: origin.handler.end, message: messages.handler }, definition],
    };
  }
  if (origin.byDefault) return { messageId: 'viaDefault', data: { helper: `\`${origin.label}\``, reason: origin.byDefault }, related: [definition] };
  return { messageId: 'viaHelper', data: { helper: `\`${origin.label}\``, where: origin.definition.where }, related: [definition] };
}

function writtenAtOf(site: ResponseSite): RelatedLocation[] {
  const at = site.status.writtenAt;
  return at ? [{ file: at.file, start: at.start, end: at.end, message: messages.writtenAt.replace('{{helper}}', `\`${at.label}\``) }] : [];
}

function elsewhereOf(site: ResponseSite): RelatedLocation[] {
  return site.headersElsewhere.filter(isChallenge).map((write) => ({ start: write.node.getStart(), end: write.node.end, message: messages.elsewhere }));
}

export const missingWwwAuthenticate = defineRule({
  id: 'missing-www-authenticate',
  description: 'Require a WWW-Authenticate challenge on every 401 response',
  defaultSeverity: 'error',
  fixKind: 'safe',
  messages,
  check({ model, settings, report }) {
    for (const site of model.sites) {
      if (site.status.code !== 401) continue;
      // A header whose name is not known statically may be the challenge: stay silent.
      if (site.headers.some((write) => write.name === undefined || isChallenge(write))) continue;
      // A challenge set but dropped by the framework is challenge-lost's finding.
      if (site.droppedHeaders.some(({ write }) => isChallenge(write))) continue;
      const origin = site.origin && originReport(site.origin);
      report({
        range: site.range,
        messageId: origin?.messageId ?? 'missing',
        data: { challenge: settings.defaultChallenge, ...origin?.data },
        related: [...elsewhereOf(site), ...(origin?.related ?? []), ...writtenAtOf(site)],
        fix: { title: 'Add WWW-Authenticate challenge', outcome: site.fixer.addHeader('WWW-Authenticate', stringLiteral(settings.defaultChallenge, model.facts.style)) },
      });
    }
  },
});
