import { isInStatementList } from '../model/paths';
import { removeStatement } from '../model/source-style';
import type { DroppedHeader, FixOutcome, ResponseSite } from '../model/types';
import { allOf, defineRule } from '../rule';
import ts from 'typescript';

const CHALLENGES: Record<string, string> = { 'www-authenticate': 'WWW-Authenticate', 'proxy-authenticate': 'Proxy-Authenticate' };

/** Moves the header into the error that is thrown: add it there, remove the set that is lost. */
function moveIntoThrow(site: ResponseSite, dropped: DroppedHeader, header: string): FixOutcome {
  const { write } = dropped;
  if (!write.valueNode) return { unavailable: 'the value of this header is not written here: move it by hand' };
  const statement = write.node.parent;
  if (!ts.isCallExpression(write.node) || !ts.isExpressionStatement(statement) || !isInStatementList(statement)) {
    return { unavailable: 'the header is set together with others: move it into the thrown error by hand' };
  }
  return allOf(site.fixer.addHeader(header, write.valueNode.getText()), { edits: [removeStatement(statement)] });
}

export const challengeLost = defineRule({
  id: 'challenge-lost',
  description: 'Disallow challenges that the framework drops before the response is sent',
  defaultSeverity: 'error',
  fixKind: 'safe',
  messages: {
    lost: 'This {{header}} never reaches the client: {{reason}}. Pass it with the error instead.',
    dropper: 'The error that drops it',
  },
  check({ model, report }) {
    for (const site of model.sites) {
      for (const dropped of site.droppedHeaders) {
        const header = dropped.write.name && CHALLENGES[dropped.write.name];
        if (!header) continue;
        report({
          range: { start: dropped.write.node.getStart(), end: dropped.write.node.end },
          messageId: 'lost',
          data: { header, reason: dropped.reason },
          related: [{ ...site.range, message: challengeLost.messages.dropper }],
          fix: { title: `Move ${header} into the thrown error`, outcome: moveIntoThrow(site, dropped, header) },
        });
      }
    }
  },
});
