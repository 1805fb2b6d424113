// The language server's entry point (bundled to dist/server.js): creates the connection over the
// transport named on the command line (--stdio, --node-ipc, --socket=N) and binds its handlers to
// the server class. No logic lives here.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { HttpAuthLintServer } from './server';

const connection = createConnection(ProposedFeatures.all);
const server = new HttpAuthLintServer(connection);

connection.onInitialize((params) => server.initialize(params));
connection.onInitialized(() => server.initialized());
connection.onDidChangeConfiguration((params) => server.didChangeConfiguration(params));
connection.onDidChangeWatchedFiles((params) => server.didChangeWatchedFiles(params));
connection.onCodeAction((params) => server.codeActions(params));
connection.onHover((params) => server.hover(params));
connection.onExecuteCommand((params) => server.executeCommand(params));
server.listen();
connection.listen();
