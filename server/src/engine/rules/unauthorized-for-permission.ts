import { callerIdentifiedAt } from '../evidence/caller';
import { concernOfSite, relatedOf } from '../evidence/concern';
import { defineRule } from '../rule';

export const unauthorizedForPermission = defineRule({
  id: 'unauthorized-for-permission',
  description: 'Require 403 rather than 401 when an authenticated caller lacks permission',
  defaultSeverity: 'warning',
  fixKind: 'suggestion',
  messages: {
    permission:
      'This 401 answers a permission failure of a caller already known: {{evidence}}; {{caller}}. A 401 makes clients log in again: send 403 Forbidden.',
    // The response names the refused permission: that says both what failed and that the caller is known.
    permissionNamed: 'This 401 answers a permission failure that its own response names: {{evidence}}. A 401 makes clients log in again: send 403 Forbidden.',
  },
  check({ model, report }) {
    for (const site of [...model.sites, ...(model.helperCalls ?? [])]) {
      if (site.status.code !== 401) continue;
      const evidence = concernOfSite(site, model.definitions);
      if (evidence?.concern !== 'permission') continue;
      // Of an anonymous caller, a refused permission may rightly be a 401: logging in could help.
      const caller = evidence.namedByMessage ? undefined : callerIdentifiedAt(site, evidence.node, model);
      if (!evidence.namedByMessage && !caller) continue;
      report({
        range: site.range,
        messageId: evidence.namedByMessage ? 'permissionNamed' : 'permission',
        data: { evidence: evidence.description, ...(caller && { caller }) },
        related: relatedOf(evidence),
        fix: { title: 'Send 403 Forbidden instead', outcome: site.status.rewrite(403) },
      });
    }
  },
});
