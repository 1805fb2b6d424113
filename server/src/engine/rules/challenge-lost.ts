import { isInStatementList } from '../model/syntax/paths';
import { removeStatement } from '../model/syntax/source-style';
import type { DroppedHeader, FixOutcome, ResponseSite } from '../model/types';
import { allOf, defineRule } from '../rule';
import ts from 'typescript';

const CHALLENGES: Record<string, string> = { 'www-authenticate': 'WWW-Authenticate', 'proxy-authenticate': 'Proxy-Authenticate' };

/** Moves the header into the errors that are thrown: add it to each, remove the set that is lost. */
function moveIntoThrows(sites: ResponseSite[], dropped: DroppedHeader, header: string): FixOutcome {
  const { write } = dropped;
  if (!write.valueNode) return { unavailable: 'the value of this header is not written here: move it by hand' };
  const statement = write.node.parent;
  if (!ts.isCallExpression(write.node) || !ts.isExpressionStatement(statement) || !isInStatementList(statement)) {
    return { unavailable: 'the header is set together with others: move it into the thrown error by hand' };
  }
  const value = write.valueNode.getText();
  return allOf(...sites.map((site) => site.fixer.addHeader(header, value)), { edits: [removeStatement(statement)] });
}

export const challengeLost = defineRule({
  id: 'challenge-lost',
  description: 'Disallow challenges that the framework drops before the response is sent',
  defaultSeverity: 'error',
  fixKind: 'safe',
  messages: {
    lost: 'This {{header}} never reaches the client: {{reason}}. Pass it with the error instead.',
    dropper: 'An error that drops it',
  },
  check({ model, report }) {
    // One finding per lost set, however many throws drop it; its fix reaches all of them.
    const lost = new Map<ts.Node, { dropped: DroppedHeader; header: string; sites: ResponseSite[] }>();
    for (const site of model.sites) {
      for (const dropped of site.droppedHeaders) {
        const header = dropped.write.name && CHALLENGES[dropped.write.name];
        if (!header) continue;
        const entry = lost.get(dropped.write.node) ?? { dropped, header, sites: [] };
        if (!entry.sites.some((known) => known.node === site.node)) entry.sites.push(site);
        lost.set(dropped.write.node, entry);
      }
    }
    for (const { dropped, header, sites } of lost.values()) {
      report({
        range: { start: dropped.write.node.getStart(), end: dropped.write.node.end },
        messageId: 'lost',
        data: { header, reason: dropped.reason },
        related: sites.map((site) => ({ ...site.range, message: challengeLost.messages.dropper })),
        fix: { title: `Move ${header} into the thrown error`, outcome: moveIntoThrows(sites, dropped, header) },
      });
    }
  },
});
