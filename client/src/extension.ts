// The extension's client: starts the language server (dist/server.js) and registers the two
// commands of package.json. Everything else happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const SCHEMES = ['file', 'untitled'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const documentSelector: DocumentSelector = LANGUAGES.flatMap((language) =>
    SCHEMES.map((scheme) => ({ language, scheme })),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Sends workspace/didChangeConfiguration when any httpAuthLint.* setting changes; the server
    // then drops its cached settings and reads them again per document.
    synchronize: { configurationSection: 'httpAuthLint' },
  };
  // The id 'httpAuthLint' makes the client read `httpAuthLint.trace.server` itself.
  const languageClient = new LanguageClient('httpAuthLint', 'HTTP Auth Lint', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(
    vscode.commands.registerCommand('httpAuthLint.restartServer', () => languageClient.restart()),
    vscode.commands.registerCommand('httpAuthLint.showOutput', () => languageClient.outputChannel.show()),
  );
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
