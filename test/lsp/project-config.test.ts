// The project's .httpauthlintrc.json over the protocol: defaults < the nearest config file (looked
// for up to the document's workspace folder) < the editor settings the user set; `ignore`; the
// config file's problems published on the file itself, and cleared; a change on disk, reported as
// a watched-file event, lints the open documents again.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { EXPRESS_APP, SESSION_407 } from './fixtures';
import { LspSession, pathUri, rangeOf } from './lspClient';

const CONFIG = '.httpauthlintrc.json';
const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function severityOf(diagnostics: Diagnostic[], ruleId: string): DiagnosticSeverity | undefined {
  return diagnostics.find((diagnostic) => diagnostic.code === ruleId)?.severity;
}

describe('project configuration (.httpauthlintrc.json)', () => {
  let root: string;
  /** The workspace folder; a config file above it must not count. */
  let folder: string;
  /** A second workspace folder, without a config file of its own. */
  let other: string;
  let session: LspSession;
  let opened = 0;

  const configPath = (): string => path.join(folder, CONFIG);

  /** Writes the folder's config file and tells the server, as VS Code's file watcher would. */
  async function writeConfig(content: unknown, file = configPath()): Promise<string> {
    const existed = await fs.stat(file).then(
      () => true,
      () => false,
    );
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    await fs.writeFile(file, text);
    await session.filesChanged([{ uri: pathUri(file), type: existed ? FileChangeType.Changed : FileChangeType.Created }]);
    return text;
  }

  /** Opens a new document (a new name each time: settings are cached per document). */
  async function openIn(relative: string, text = EXPRESS_APP, base = folder): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const file = path.join(base, relative.replace('*', String(++opened)));
    const uri = pathUri(file);
    await session.open(uri, text);
    return { uri, diagnostics: await session.diagnostics(uri) };
  }

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-config-'));
    folder = path.join(root, 'api');
    other = path.join(root, 'web');
    await fs.mkdir(folder);
    await fs.mkdir(other);
    // Above both workspace folders: never read.
    await fs.writeFile(path.join(root, CONFIG), JSON.stringify({ rules: { [MISSING]: 'off', [PERMISSION]: 'off' } }));
    session = await LspSession.start({ workspaceFolders: [folder, other] });
  });

  afterEach(() => session.reset());

  after(async () => {
    await session.dispose();
    await fs.rm(root, { recursive: true, force: true });
  });

  it("applies the file's severities; a rule it turns off is not reported", async () => {
    await writeConfig({ rules: { [MISSING]: 'warning', [PERMISSION]: 'off' } });
    const { diagnostics } = await openIn('src/app*.ts');
    assert.deepEqual(codes(diagnostics), [MISSING]);
    assert.equal(severityOf(diagnostics, MISSING), DiagnosticSeverity.Warning);
  });

  it('an editor setting the user set overrides the file for that key only', async () => {
    await writeConfig({ rules: { [MISSING]: 'warning', [PERMISSION]: 'off' } });
    session.settings.set('', { rules: { [MISSING]: 'error' } });
    const { diagnostics } = await openIn('src/app*.ts');
    assert.deepEqual(codes(diagnostics), [MISSING]);
    assert.equal(severityOf(diagnostics, MISSING), DiagnosticSeverity.Error);
  });

  it('the nearest config file wins, and the search stops at the workspace folder', async () => {
    await writeConfig({ rules: { [PERMISSION]: 'off' } });
    await fs.mkdir(path.join(folder, 'admin'), { recursive: true });
    await writeConfig({ rules: { [MISSING]: 'off' } }, path.join(folder, 'admin', CONFIG));
    const nearest = await openIn('admin/routes*.ts');
    assert.deepEqual(codes(nearest.diagnostics), [PERMISSION], 'admin/.httpauthlintrc.json, not the folder one');
    // The other workspace folder has no config file; the one above it (which turns both off) is
    // outside the folder.
    const outside = await openIn('app*.ts', EXPRESS_APP, other);
    assert.deepEqual(codes(outside.diagnostics), [MISSING, PERMISSION]);
    await fs.rm(path.join(folder, 'admin', CONFIG));
    await session.filesChanged([{ uri: pathUri(path.join(folder, 'admin', CONFIG)), type: FileChangeType.Deleted }]);
  });

  it('files matching "ignore" get no diagnostics and no actions', async () => {
    await writeConfig({ ignore: ['generated/**'] });
    const ignored = await openIn('generated/client*.ts');
    assert.deepEqual(ignored.diagnostics, []);
    const range = rangeOf(session.document(ignored.uri), 'res.status(401)');
    assert.deepEqual(await session.codeActions(ignored.uri, [], range, ['source.fixAll.http-auth-lint']), []);
    assert.equal(await session.hover(ignored.uri, range.start), null);
    const linted = await openIn('src/app*.ts');
    assert.deepEqual(codes(linted.diagnostics), [MISSING, PERMISSION]);
  });

  it('proxyFiles are relative to the config file, and defaultChallenge is what the fix writes', async () => {
    await writeConfig({ proxyFiles: ['proxy/**'], defaultChallenge: 'Basic realm="files"' });
    const proxy = await openIn('proxy/files*.ts', SESSION_407);
    assert.deepEqual(codes(proxy.diagnostics), ['missing-proxy-authenticate']);
    const origin = await openIn('src/files*.ts', SESSION_407);
    assert.deepEqual(codes(origin.diagnostics), ['proxy-auth-from-origin']);

    const app = await openIn('src/app*.ts');
    const missing = app.diagnostics.find((diagnostic) => diagnostic.code === MISSING);
    assert.ok(missing);
    const fix = (await session.codeActions(app.uri, [missing])).find((action) => action.isPreferred);
    assert.ok(fix);
    const document = await session.applyAction(app.uri, fix);
    assert.ok(document.getText().includes(`'Basic realm="files"'`), document.getText());
  });

  it('a change of the config file on disk lints the open documents again', async () => {
    await writeConfig({});
    const { uri, diagnostics } = await openIn('src/app*.ts');
    assert.deepEqual(codes(diagnostics), [MISSING, PERMISSION]);
    await writeConfig({ rules: { [PERMISSION]: 'off' } });
    assert.deepEqual(codes(await session.diagnostics(uri)), [MISSING]);
    // Deleted: back to the defaults.
    await fs.rm(configPath());
    await session.filesChanged([{ uri: pathUri(configPath()), type: FileChangeType.Deleted }]);
    assert.deepEqual(codes(await session.diagnostics(uri)), [MISSING, PERMISSION]);
  });

  it('broken JSON is an error on the config file, linting goes on with the defaults, and fixing it clears it', async () => {
    const { uri } = await openIn('src/app*.ts');
    const configUri = pathUri(configPath());
    const text = await writeConfig('{ "rules": { "missing-www-authenticate": "off", } ');
    const problems = await session.diagnostics(configUri, (params) => params.diagnostics.length > 0);
    assert.ok(problems.length >= 1, JSON.stringify(problems));
    for (const problem of problems) {
      assert.equal(problem.severity, DiagnosticSeverity.Error);
      assert.equal(problem.source, 'http-auth-lint');
      assert.match(messageOf(problem), /Not valid JSON/);
    }
    // The first problem points into the text, at the stray comma or after it.
    const config = TextDocument.create(configUri, 'json', 0, text);
    assert.ok(config.offsetAt(problems[0]!.range.start) >= text.indexOf('",'), JSON.stringify(problems[0]!.range));
    assert.deepEqual(codes(await session.diagnostics(uri)), [MISSING, PERMISSION], 'the defaults');

    await writeConfig({ rules: { [MISSING]: 'off' } });
    assert.deepEqual(await session.diagnostics(configUri), []);
    assert.deepEqual(codes(await session.diagnostics(uri)), [PERMISSION]);
  });

  it('an unknown rule and a wrong severity are errors at their entries; the valid entries still apply', async () => {
    const { uri } = await openIn('src/app*.ts');
    const configUri = pathUri(configPath());
    const text = await writeConfig({ rules: { 'no-such-rule': 'error', [MISSING]: 'loud', [PERMISSION]: 'off' } });
    const problems = await session.diagnostics(configUri, (params) => params.diagnostics.length > 0);
    const config = TextDocument.create(configUri, 'json', 0, text);
    assert.equal(problems.length, 2, JSON.stringify(problems));
    const [unknown, severity] = problems;
    assert.deepEqual(unknown!.range, rangeOf(config, '"no-such-rule"'));
    assert.match(messageOf(unknown!), /Unknown rule "no-such-rule"/);
    assert.deepEqual(severity!.range, rangeOf(config, '"loud"'));
    assert.match(messageOf(severity!), new RegExp(`severity of ${MISSING}`));
    for (const problem of problems) {
      assert.equal(problem.severity, DiagnosticSeverity.Error);
      assert.equal(problem.source, 'http-auth-lint');
    }
    // missing-www-authenticate keeps its default (error); the permission rule is off as asked.
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(codes(diagnostics), [MISSING]);
    assert.equal(severityOf(diagnostics, MISSING), DiagnosticSeverity.Error);

    // Deleting the file clears its problems too.
    await fs.rm(configPath());
    await session.filesChanged([{ uri: configUri, type: FileChangeType.Deleted }]);
    assert.deepEqual(await session.diagnostics(configUri), []);
  });
});

describe('a config file with problems at the root of a workspace folder', () => {
  let folder: string;
  let session: LspSession | undefined;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-startup-'));
    await fs.writeFile(path.join(folder, CONFIG), JSON.stringify({ rules: { [MISSING]: 'sometimes' } }));
  });

  after(async () => {
    await session?.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('is reported when the server starts, before any document is opened', async () => {
    session = await LspSession.start({ workspaceFolders: [folder] });
    const problems = await session.diagnostics(pathUri(path.join(folder, CONFIG)));
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(messageOf(problems[0]!), /severity of missing-www-authenticate/);
  });
});

describe('workspace folders added later', () => {
  let root: string;
  let session: LspSession | undefined;

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-folders-'));
    await fs.mkdir(path.join(root, 'api'));
    await fs.mkdir(path.join(root, 'web'));
    await fs.writeFile(path.join(root, CONFIG), JSON.stringify({ rules: { [MISSING]: 'off', [PERMISSION]: 'off' } }));
  });

  after(async () => {
    await session?.dispose();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('bound the config search of their documents from then on', async () => {
    session = await LspSession.start({ workspaceFolders: [path.join(root, 'api')] });
    const uri = pathUri(path.join(root, 'web', 'app.ts'));
    await session.open(uri, EXPRESS_APP);
    // Outside every workspace folder, the search goes up the tree (as the CLI's does) and finds
    // the config above, which turns both rules off.
    assert.deepEqual(await session.diagnostics(uri), []);
    await session.changeWorkspaceFolders([path.join(root, 'web')], []);
    assert.deepEqual(codes(await session.diagnostics(uri)), [MISSING, PERMISSION]);
  });
});
