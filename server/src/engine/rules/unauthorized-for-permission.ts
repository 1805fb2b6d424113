import { concernOfGuard, concernOfMessage, describeCode } from '../evidence';
import { defineRule } from '../rule';
import type { RelatedLocation } from '../types';
import type { ResponseSite } from '../model/types';

interface PermissionEvidence {
  /** Said in the message: "the guard checks `user.role`". */
  description: string;
  related: RelatedLocation;
}

/** The guard or message that shows this 401 refuses a known caller, or undefined when nothing
 * does or when something says it is about credentials after all. */
function permissionEvidence(site: ResponseSite): PermissionEvidence | undefined {
  const messageConcerns = site.messages.map((node) => ({ node, concern: concernOfMessage(node.text) }));
  if (messageConcerns.some((m) => m.concern === 'credentials')) return undefined;
  // The innermost guard that says anything about authentication decides.
  for (const guard of site.guards) {
    const read = concernOfGuard(guard);
    if (read === undefined) continue;
    if (read.concern !== 'permission') return undefined;
    const code = describeCode(read.evidence);
    return {
      description: `the guard checks \`${code}\``,
      related: { start: read.evidence.getStart(), end: read.evidence.end, message: `The permission check: \`${code}\`` },
    };
  }
  const message = messageConcerns.find((m) => m.concern === 'permission');
  if (!message) return undefined;
  const text = describeCode(message.node);
  return {
    description: `the response says ${text}`,
    related: { start: message.node.getStart(), end: message.node.end, message: `The response message: ${text}` },
  };
}

export const unauthorizedForPermission = defineRule({
  id: 'unauthorized-for-permission',
  description: 'Require 403 rather than 401 when an authenticated caller lacks permission',
  defaultSeverity: 'warning',
  fixKind: 'suggestion',
  messages: {
    permission:
      'This 401 answers a permission failure ({{evidence}}): the caller is known, and a 401 makes clients log in again. Send 403 Forbidden.',
  },
  check({ model, report }) {
    for (const site of model.sites) {
      if (site.status.code !== 401) continue;
      const evidence = permissionEvidence(site);
      if (!evidence) continue;
      report({
        range: site.range,
        messageId: 'permission',
        data: { evidence: evidence.description },
        related: [evidence.related],
        fix: { title: 'Send 403 Forbidden instead', outcome: site.status.rewrite(403) },
      });
    }
  },
});
