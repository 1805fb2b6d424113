// The incremental lint of a file read with its project (an open file of an indexed workspace,
// server/src/engine/incremental.ts): after each edit it finds what a fresh lint of the new text in
// a fresh project finds, while it reads only the statements the edit changed; a change of what the
// file offers its project, or of the project's stamp, makes it read the whole file again.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { IncrementalLint, lintSource, parse, Project, summarizeText, type LintResult } from '../../server/src/engine';
import { memoryHost, ROOT, type Files } from './project/support';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus', 'koa', 'request-error');
/** One settings object: the incremental lint reuses a run's findings only for the same settings. */
const SETTINGS = {};
const ROUTE = 'src/routes/profile.ts';
const ASSERT = 'src/utils/assert.ts';

function filesOf(folder: string, base = folder): Files {
  const files: Files = {};
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) Object.assign(files, filesOf(full, base));
    else files[path.relative(base, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

function projectOf(files: Files): Project {
  const project = new Project(memoryHost(files), ROOT, summarizeText);
  project.index(Object.keys(files).map((name) => path.join(ROOT, name)));
  return project;
}

const view = (result: LintResult) => result.findings.map(({ ruleId, start, end, message, fixes, related }) => ({ ruleId, start, end, message, fixes, related }));

/** A file open in an editor of an indexed project: its tree, its linter, and its text. */
class OpenFile {
  readonly project: Project;
  readonly file: string;
  private tree: ts.SourceFile;
  private readonly linter = new IncrementalLint();
  result: LintResult;

  constructor(
    private files: Files,
    private readonly name: string,
    private stamp = 0,
  ) {
    this.project = projectOf(files);
    this.file = path.join(ROOT, name);
    this.tree = parse(this.file, files[name]);
    this.result = this.lint(undefined);
  }

  get text(): string {
    return this.files[this.name];
  }

  get run() {
    return this.linter.lastRun;
  }

  get summaryChanged(): boolean {
    return this.linter.summaryChanged;
  }

  /** Replaces the first `find` after `after` with `replace` and lints again; checks the result
   * against a fresh lint in a fresh project of the new files. */
  edit(find: string, replace: string, after = ''): this {
    const at = this.text.indexOf(find, this.text.indexOf(after));
    assert.ok(at >= 0, `${find} is in ${this.name}`);
    const text = this.text.slice(0, at) + replace + this.text.slice(at + find.length);
    const change = ts.createTextChangeRange(ts.createTextSpan(at, find.length), replace.length);
    const previous = this.tree;
    this.tree = ts.updateSourceFile(previous, text, change);
    this.files = { ...this.files, [this.name]: text };
    this.result = this.lint({ previous, change });
    const fresh = lintSource(parse(this.file, text), SETTINGS, undefined, { project: projectOf(this.files), file: this.file });
    assert.deepEqual(view(this.result), view(fresh), `after "${replace.trim()}": the incremental lint finds what a fresh one finds`);
    // What the project holds of the file is its summary of the new text, made again or kept.
    assert.deepEqual(this.project.knownSummary(this.file), summarizeText(this.file, text).summary, `after "${replace.trim()}": the project has the file's summary`);
    return this;
  }

  /** The project's stamp moves on (another file's summary changed). */
  touch(): void {
    this.stamp++;
  }

  /** Another file of the project changes (an unsaved edit of it, as the server lays it over the
   * disk): the project reads its new summary, its stamp moves on, and this file, unchanged, is
   * linted again; checks the result against a fresh lint in a fresh project of the new files. */
  otherFileChanged(name: string, find: string, replace: string): this {
    const other = path.join(ROOT, name);
    const text = this.files[name]!.replace(find, replace);
    assert.notEqual(text, this.files[name], `${find} is in ${name}`);
    this.files = { ...this.files, [name]: text };
    this.project.forgetSummary(other);
    this.project.setSummary(other, summarizeText(other, text).summary);
    this.touch();
    this.result = this.lint(undefined);
    const fresh = lintSource(parse(this.file, this.text), SETTINGS, undefined, { project: projectOf(this.files), file: this.file });
    assert.deepEqual(view(this.result), view(fresh), `after ${name} changed: the lint finds what a fresh one finds`);
    return this;
  }

  private lint(origin: Parameters<IncrementalLint['lint']>[2]): LintResult {
    return this.linter.lint(this.tree, SETTINGS, origin, undefined, { context: { project: this.project, file: this.file }, stamp: this.stamp });
  }
}

const rules = (result: LintResult) => result.findings.map((f) => f.ruleId).sort();

describe('the incremental lint of a file read with its project', () => {
  const files = filesOf(CORPUS);

  it('finds what the project decides, and reads only the statement typed in', () => {
    const open = new OpenFile(files, ROUTE);
    assert.deepEqual(rules(open.result), ['missing-www-authenticate', 'missing-www-authenticate', 'missing-www-authenticate', 'unauthorized-for-permission']);
    open.edit("ctx.body = { id: user.id };", "ctx.body = { id: user.id, typing: true };");
    assert.ok(open.run.analyzed < open.run.statements, `read ${open.run.analyzed} of ${open.run.statements} statements`);
    assert.equal(open.summaryChanged, false);
  });

  it('keeps up with edits of the project calls themselves', () => {
    new OpenFile(files, ROUTE)
      .edit("status: 401 }); // expect: missing-www-authenticate\n", "status: 403 });\n")
      .edit("'auth.scope', status: 401 }", "'auth.scope', status: 403 }")
      .edit("if (user.suspended) throw new RequestError({ code: 'user.suspended', status: 403 });", "if (user.suspended) throw new RequestError({ code: 'user.suspended', status: 401 });")
      .edit("  ctx.status = 204;\n", "  ctx.status = 204;\n  // a comment\n")
      .edit("assertThat(user, 'auth.missing_token', 401);", "assertThat(user, 'auth.missing_token', 404);");
  });

  it('moves the findings of the statements after an edit, their places in other files staying', () => {
    // A line early in the first handler: the other handlers are kept, moved by the line, while
    // their related places in the error middleware (further down its file than the edit is in
    // this one) stay where they are.
    const open = new OpenFile(files, ROUTE).edit("  const { user } = ctx.state;\n", "  const { user } = ctx.state;\n  // typed\n");
    assert.ok(open.run.analyzed < open.run.statements, `read ${open.run.analyzed} of ${open.run.statements} statements`);
    const related = open.result.findings.flatMap((f) => f.related).filter((r) => r.file !== undefined);
    assert.ok(related.length > 0, 'findings point at the error middleware');
  });

  it('reads the whole file again when what it offers its project changes', () => {
    const open = new OpenFile(files, ASSERT);
    open.edit("throw error instanceof RequestError ? error : new RequestError({ code: error, status });", "throw error instanceof RequestError ? error : new RequestError({ code: error, status: 500 });");
    assert.equal(open.summaryChanged, true);
    assert.equal(open.run.analyzed, open.run.statements);
  });

  it('checks its unchanged text again when another file changes what it reads from the project', () => {
    const open = new OpenFile(files, ROUTE);
    assert.ok(rules(open.result).includes('missing-www-authenticate'));
    const handler = 'src/middleware/error-handler.ts';
    const challenge = "if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer');\n        ctx.status = error.status;";
    open.otherFileChanged(handler, 'ctx.status = error.status;', challenge);
    assert.deepEqual(rules(open.result), ['unauthorized-for-permission']);
    assert.equal(open.run.analyzed, 0, 'the same text keeps its analysis; only the checks run again');
    assert.equal(open.summaryChanged, false, 'what the route offers others is the same');
    open.otherFileChanged(handler, challenge, 'ctx.status = error.status;');
    assert.ok(rules(open.result).includes('missing-www-authenticate'));
    // Typing afterwards still reads only the statement typed in.
    open.edit("ctx.body = { id: user.id };", "ctx.body = { id: user.id, typing: true };");
    assert.ok(open.run.analyzed < open.run.statements);
  });

  it('keeps the summary of a file typed in where the summary reads nothing, and makes it again where it does', () => {
    const open = new OpenFile(files, ROUTE);
    // A route's body, above `export default router` (which the summary holds without a place).
    open.edit("ctx.body = { id: user.id };", "ctx.body = { id: user.id, typing: true };");
    assert.equal(open.run.summarized, false, 'the summary is kept, not made again');
    assert.equal(open.summaryChanged, false);
    // Above a declaration the summary places (`const router`): it moves, and the summary is made again.
    open.edit("type State = ", "type  State = ");
    assert.equal(open.run.summarized, true);
    assert.equal(open.summaryChanged, true);
    // What the default export names is in the summary, without a place.
    open.edit('export default router;', 'export default Router;');
    assert.equal(open.summaryChanged, true);
    assert.equal(open.run.analyzed, open.run.statements);
  });

  it('makes the summary again when an edit adds or takes away a sign of error handling', () => {
    const open = new OpenFile(files, 'src/app.ts');
    open.edit('app.use(profile.routes());', 'app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (error) {\n    ctx.status = 500;\n  }\n});\napp.use(profile.routes());');
    assert.equal(open.summaryChanged, true);
    assert.ok(open.project.knownSummary(open.file)!.handlers.length > 0, 'the Koa middleware is a handler');
    // `await next()` renamed: no sign of a Koa handler is left, and the summary holds none.
    open.edit('await next();', 'await nextStep();');
    assert.equal(open.summaryChanged, true);
    assert.equal(open.project.knownSummary(open.file)!.handlers.length, 0);
  });

  it('reads the whole file again when the project stamp moves on', () => {
    const open = new OpenFile(files, ROUTE);
    open.touch();
    open.edit("ctx.body = { id: user.id };", "ctx.body = { id: user.id, typing: true };");
    assert.equal(open.run.analyzed, open.run.statements);
  });
});
