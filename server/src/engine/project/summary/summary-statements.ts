// Which top-level statements a file's summary is made from (summarize.ts): its imports and exports
// (module-graph.ts), its declarations and CommonJS exports (symbols.ts), and, in a file that may
// hold an app-level error handler, any statement (handlers are registered by calls, handlers.ts).
// Of those, declarations and handlers are held with their positions; imports and export lists
// are not. An edit that changes none of the statements and moves none of the placed ones leaves
// the summary as it was: the incremental lint then need not make it again.
import ts from 'typescript';

/** Whether the summary reads `statement`. */
export function summaryReads(statement: ts.Statement, fileMayHandleErrors: boolean): boolean {
  switch (statement.kind) {
    case ts.SyntaxKind.ImportDeclaration:
    case ts.SyntaxKind.ImportEqualsDeclaration:
    case ts.SyntaxKind.ExportDeclaration:
    case ts.SyntaxKind.ExportAssignment: // `export default router` names what the default export is
      return true;
    default:
      return summaryPlaces(statement, fileMayHandleErrors);
  }
}

/** Whether the summary holds positions in `statement` (a statement an edit before it moves). */
export function summaryPlaces(statement: ts.Statement, fileMayHandleErrors: boolean): boolean {
  if (fileMayHandleErrors) return true;
  switch (statement.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
    case ts.SyntaxKind.VariableStatement:
      return true;
    case ts.SyntaxKind.ExportAssignment:
      // `export default router` names a symbol (the summary reads that name); `export default {...}` is one.
      return !ts.isIdentifier((statement as ts.ExportAssignment).expression);
    case ts.SyntaxKind.ExpressionStatement: {
      // `module.exports = ...`, `exports.x = ...`: any assignment, to be safe.
      const expression = (statement as ts.ExpressionStatement).expression;
      return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    }
    default:
      return false;
  }
}
