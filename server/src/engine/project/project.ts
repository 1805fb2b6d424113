// The project index: the summaries of the project's files (computed on first use, or given from a
// cache), and names resolved across files through imports, re-exports, CommonJS exports and
// aliases. A name that leads out of the project is a library name (its module and export), which
// the analysis may know from its catalogue; a name that leads nowhere is unknown.
import * as path from 'node:path';
import type { FileAnalysis } from '../model/build';
import type { Framework } from '../model/types';
import type { ProjectHost } from './host';
import { ModuleResolver } from './resolve/resolver';
import type { FileSummary, HandlerBranch, Ref, Spot, Symbol } from './summary/types';
import { COMMONJS_EXPORTS } from './summary/module-graph';
import { own } from './summary/records';
import { isTestFile } from '../model/test-code';
import { writesAuthStatus } from './summary/writes-status';
import { IndexPass } from './index-pass';
import { mentionPattern, textFactsOf } from './text-pass';
import { WaitingTexts } from './waiting-texts';

const EMPTY_SUMMARY: FileSummary = { imports: {}, exports: {}, starExports: [], symbols: {}, handlers: [], registrations: [] };

export type Resolution =
  | { kind: 'symbol'; file: string; name: string; symbol: Symbol }
  /** A namespace (`import * as errors`, `const api = require('./api')`) of a project file. */
  | { kind: 'module'; file: string }
  /** A name imported from outside the project. */
  | { kind: 'library'; specifier: string; name: string; members: string[] };

/** An error handler that acts for a package, with the file it is in. */
export interface ProjectHandler {
  framework: Framework;
  file: string;
  spot: Spot;
  shape: string;
  branches: HandlerBranch[];
  /** For Nest filters: the classes it catches (none: every exception). */
  catches?: Ref[];
}

/** Makes a file's summary from its text; the engine's own (./summaries.ts) parses and analyzes it,
 * and gives the analysis too, which a lint of the same text can reuse. `graphOnly` asks for its
 * imports and exports alone (a file that cannot send a status, read to follow a re-export). */
export type Summarizer = (fileName: string, text: string, graphOnly?: boolean) => { summary: FileSummary; analysis?: FileAnalysis };

/** How much text the analyses a project keeps for its lint may come from: a syntax tree takes
 * some 30 times its text, so this keeps them to about 130 MB (measured: 90 bytes a character). The
 * budget is the project's: a run holds one project at a time (cli/project-scan.ts), and what a
 * lint did not take (it ran in threads, or took its result from a cache) goes with the project. */
const KEPT_TEXT_BUDGET = 1_500_000;

/** How many rounds the index looks for the callers of names it found (a helper that wraps a helper
 * that sends a 401 is found in the second round). */
const NAME_ROUNDS = 3;

/** Re-export syntax: a file without it exports only what it declares. */
const REEXPORTS = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b|\bmodule\.exports\s*=\s*require\b|\bexport\s+(?:default\s+)?[\w$]+\s*;|\bexport\s*\{/;

const MAX_DEPTH = 24;

export class Project {
  readonly resolver: ModuleResolver;
  private readonly summaries = new Map<string, FileSummary | null>();
  private readonly handlerFiles = new Set<string>();
  /** After index(): the files that may send or decide a status, or call what does. Only they are
   * summarized in full; any other file is read for its re-exports, when a name is followed through it. */
  private selected: Set<string> | undefined;
  /** Files whose summary holds their imports and exports alone (read to follow a re-export). */
  private readonly graphOnly = new Set<string>();
  /** Analyses made for summaries, kept for the lint of the same text (takeAnalysis). */
  private readonly kept = new Map<string, FileAnalysis>();
  /** How much text the kept analyses come from (within KEPT_TEXT_BUDGET). */
  private keptText = 0;
  /** The names the index found to write a 401, 403 or 407 (namesWorthFinding, over its files). */
  private readonly producing = new Set<string>();
  /** In a package that creates more than one app (examples, fixtures, a monorepo package with two
   * servers), which app each file belongs to: files connected by imports are one app, and an error
   * handler answers the errors of its own app only. Files of other packages are not in it. */
  private appOf = new Map<string, number>();
  /** The packages split into apps that way. */
  private splitPackages = new Set<string>();
  private keepAnalyses: Set<string> | undefined;
  /** Summaries kept between runs by the shell (the CLI's --cache), by file content. */
  summaryStore: { get(file: string, text: string): FileSummary | undefined; set(file: string, text: string, summary: FileSummary): void } | undefined;
  private readonly handlersByPackage = new Map<string, ProjectHandler[]>();

  constructor(
    readonly host: ProjectHost,
    readonly root: string,
    private readonly summarizer: Summarizer,
  ) {
    this.resolver = new ModuleResolver(host, root);
  }

  /** Whether the file's full summary is known already (the index made it from the same text). */
  hasSummary(file: string): boolean {
    return this.summaries.get(file) != null && !this.graphOnly.has(file);
  }

  /** Gives a file's summary (computed by a lint run, or read from a cache). */
  setSummary(file: string, summary: FileSummary): void {
    this.summaries.set(file, summary);
  }

  /** `src/lib/response.ts:28`: a place in the project as messages name it. */
  where(file: string, line: number): string {
    return `${path.relative(this.root, file).split(path.sep).join('/')}:${line}`;
  }

  /** Forgets a file's summary, for a text that changed (an open document being edited): the next
   * lint of the file records it again, and what was derived from summaries is derived again. */
  forgetSummary(file: string): void {
    this.summaries.delete(file);
    this.graphOnly.delete(file);
    this.kept.delete(file);
    this.handlersByPackage.clear();
  }

  /** The summary of a file as far as it is known, without reading the file for it. */
  knownSummary(file: string): FileSummary | undefined {
    return this.summaries.get(file) ?? undefined;
  }

  /** The summary of a file of the project; undefined when it cannot be read. */
  summaryOf(file: string): FileSummary | undefined {
    let summary = this.summaries.get(file);
    if (summary === undefined) {
      const graphOnly = this.selected !== undefined && !this.selected.has(file);
      summary = this.load(file, graphOnly);
      if (graphOnly) this.graphOnly.add(file);
      this.summaries.set(file, summary);
    }
    return summary ?? undefined;
  }

  /**
   * Reads the project's files once as text and selects those to summarize: the files that may
   * matter (text-pass.ts), then, round by round, the files that mention a name the selected files
   * export. Also notes the files that may hold an app-level error handler. Returns the selection.
   * (disk/parallel-index.ts does the same with the text pass on another thread.)
   */
  index(files: Iterable<string>): ReadonlySet<string> {
    const pass = this.beginIndex();
    const waiting = new WaitingTexts((file) => this.host.readFile(file));
    for (const file of files) {
      // Tests serve no client (model/test-code.ts): they are never read for findings.
      if (isTestFile(file, this.root)) continue;
      const text = this.host.readFile(file);
      if (text === undefined) continue;
      if (!pass.note(textFactsOf(file, text))) waiting.add(file, text);
    }
    const rounds = this.completeIndex(pass);
    let step = rounds.next();
    while (!step.done) step = rounds.next(waiting.size > 0 ? waiting.take(step.value) : []);
    return step.value;
  }

  /** Starts an index: the text pass notes each file's facts into the pass returned (index()). */
  beginIndex(): IndexPass {
    const pass = new IndexPass(
      (file) => this.packageNameOf(file),
      (file) => this.packageOf(file),
    );
    // While the index grows, files outside it are read for their re-exports only.
    this.selected = pass.selected;
    return pass;
  }

  /**
   * Ends an index after its text pass: the rounds that select the files mentioning a name the
   * selection exports. Yields each round's pattern and takes the waiting files it finds (index()
   * looks in the texts it holds, disk/parallel-index.ts asks the thread that holds them).
   */
  *completeIndex(pass: IndexPass): Generator<RegExp, ReadonlySet<string>, string[]> {
    const { selected, importedNames } = pass;
    this.addHandlerFiles(pass.handlers);
    // Only what some file may import can give others a helper to call: the rest of the selection
    // is parsed once, by its lint, and not here for a summary.
    const providers = new Map<string, boolean>();
    const mayProvide = (file: string): boolean => {
      let provides = providers.get(file);
      if (provides === undefined) providers.set(file, (provides = importedNames.mayImport(file, this.packageNameOf(file))));
      return provides;
    };
    const sought = new Set<string>();
    const searched = new Set<string>();
    for (let round = 0; round < NAME_ROUNDS; round++) {
      // The names of the selection, to a fixed point: a wrapper of a name found in this round
      // (`const deny = () => unauthorized()`, both selected by their text) sends a status too.
      for (let grew = true; grew; ) {
        grew = false;
        for (const file of selected) {
          if (!mayProvide(file)) continue;
          for (const name of this.namesWorthFinding(file, sought)) {
            if (sought.has(name)) continue;
            sought.add(name);
            grew = true;
          }
        }
      }
      const fresh = [...sought].filter((name) => !searched.has(name));
      fresh.forEach((name) => searched.add(name));
      const pattern = mentionPattern(fresh);
      if (!pattern) break;
      const found: string[] = yield pattern;
      if (found.length === 0) break;
      for (const file of found) {
        selected.add(file);
        // Read for its re-exports only until now: its summary is made again, in full, when next asked for.
        if (this.graphOnly.delete(file)) this.summaries.delete(file);
      }
    }
    for (const name of sought) this.producing.add(name);
    this.appOf = this.separateApps(pass.imports, pass.appCreations);
    return selected;
  }

  /** Which app each file of a package with several apps belongs to (see appOf): the files its
   * imports connect, in one pass of union-find over the imports read from the text. */
  private separateApps(imports: ReadonlyMap<string, readonly string[]>, appCreations: ReadonlyMap<string, number>): Map<string, number> {
    const shared = new Set([...appCreations].filter(([, count]) => count > 1).map(([owner]) => owner));
    this.splitPackages = shared;
    const appOf = new Map<string, number>();
    if (shared.size === 0) return appOf;
    const parent = new Map<string, string>();
    const find = (file: string): string => {
      let root = file;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      for (let current = file; current !== root; ) {
        const next = parent.get(current)!;
        parent.set(current, root);
        current = next;
      }
      return root;
    };
    const join = (a: string, b: string) => parent.set(find(a), find(b));
    for (const [file, specifiers] of imports) {
      const owner = this.packageOf(file);
      if (!shared.has(owner)) continue;
      if (!parent.has(file)) parent.set(file, file);
      for (const specifier of specifiers) {
        const target = this.resolver.resolve(file, specifier);
        if (target === undefined || this.packageOf(target) !== owner) continue;
        if (!parent.has(target)) parent.set(target, target);
        join(file, target);
      }
    }
    const ids = new Map<string, number>();
    for (const file of parent.keys()) {
      const root = find(file);
      if (!ids.has(root)) ids.set(root, ids.size);
      appOf.set(file, ids.get(root)!);
    }
    return appOf;
  }

  /** How many files the index selected. */
  selectedCount(): number {
    return this.selected?.size ?? 0;
  }

  /** The summaries made so far of the selected files: for a thread that reads the same project. */
  selectedSummaries(): Record<string, FileSummary> {
    const result: Record<string, FileSummary> = {};
    for (const file of this.selected ?? []) {
      const summary = this.summaries.get(file);
      if (summary) result[file] = summary;
    }
    return result;
  }

  /** Which app each file of a package with several apps belongs to: for a thread that reads the same project. */
  apps(): { packages: string[]; files: Record<string, number> } {
    return { packages: [...this.splitPackages], files: Object.fromEntries(this.appOf) };
  }

  /** Takes a selection, its summaries, the names found and the apps from the thread that made them (see index()). */
  adoptIndex(selected: Iterable<string>, summaries: Readonly<Record<string, FileSummary>>, producing: Iterable<string>, apps: ReturnType<Project['apps']>): void {
    this.selected = new Set(selected);
    for (const [file, summary] of Object.entries(summaries)) this.summaries.set(file, summary);
    for (const name of producing) this.producing.add(name);
    this.appOf = new Map(Object.entries(apps.files));
    this.splitPackages = new Set(apps.packages);
  }

  /** The names the index found to write a 401, 403 or 407 (a call of another name can send one
   * only when it passes a status to it). */
  producingNames(): ReadonlySet<string> {
    return this.producing;
  }

  /** Files that may define or register an app-level error handler (the text pass found the signs). */
  addHandlerFiles(files: Iterable<string>): void {
    for (const file of files) this.handlerFiles.add(file);
    this.handlersByPackage.clear();
  }

  /** A file's summary; with `full`, one read in full even where the index read it for its re-exports. */
  private summaryFor(file: string, full: boolean): FileSummary | undefined {
    if (full && (this.graphOnly.has(file) || !this.summaries.has(file))) {
      this.graphOnly.delete(file);
      this.summaries.set(file, this.load(file, false));
    }
    return this.summaryOf(file);
  }

  /** Reads and summarizes a file; null when it cannot be read. A file read for its re-exports
   * alone and without re-export syntax exports nothing that it does not declare: it is not parsed. */
  private load(file: string, graphOnly: boolean): FileSummary | null {
    const text = this.host.readFile(file);
    if (text === undefined) return null;
    try {
      return graphOnly && !REEXPORTS.test(text) ? EMPTY_SUMMARY : this.summarize(file, text, graphOnly);
    } catch {
      return null; // a file the summarizer cannot read says nothing
    }
  }

  private summarize(file: string, text: string, graphOnly: boolean): FileSummary {
    const stored = graphOnly ? undefined : this.summaryStore?.get(file, text);
    if (stored) return stored;
    const { summary, analysis } = this.summarizer(file, text, graphOnly);
    if (!graphOnly) this.summaryStore?.set(file, text, summary);
    if (analysis && this.keepsAnalysisOf(file, text.length)) {
      this.kept.set(file, analysis);
      this.keptText += text.length;
    }
    return summary;
  }

  /** Keeps the analyses made for summaries of `files` (the files a run will lint), within a budget. */
  keepAnalysesOf(files: Iterable<string>): void {
    this.keepAnalyses = new Set(files);
  }

  /** Whether an analysis of `file` is kept for its lint. */
  keepsAnalysis(file: string): boolean {
    return this.kept.has(file);
  }

  /** Whether the analysis of `file`, its text `length` long, would be kept if it were made now. */
  keepsAnalysisOf(file: string, length: number): boolean {
    return this.keepAnalyses?.has(file) === true && this.keptText + length <= KEPT_TEXT_BUDGET;
  }

  /** The analysis a summary was made from, when `text` is still the file's text: the lint reuses it. */
  takeAnalysis(file: string, text: string): FileAnalysis | undefined {
    const analysis = this.kept.get(file);
    if (!analysis) return undefined;
    this.kept.delete(file);
    this.keptText -= analysis.sourceFile.text.length;
    return analysis.sourceFile.text === text ? analysis : undefined;
  }

  /** The files that may hold an app-level error handler. */
  handlerFileList(): string[] {
    return [...this.handlerFiles];
  }

  /**
   * The names other files call what `file` exports by, when it sends a status of its own: a helper,
   * an error class, a status constant or table that writes a 401, 403 or 407, or calls a name in
   * `known` that does (`const deny = () => unauthorized()`). Read from the summary alone, without
   * resolving anything. Its export names, and the local name of its default export (`import
   * RequestError from`, as it is usually imported). What sends a status its callers pass needs no
   * search: those callers write the status, so the index selects them by their text.
   */
  private namesWorthFinding(file: string, known: ReadonlySet<string> = new Set()): string[] {
    const summary = this.summaryOf(file);
    if (!summary) return [];
    const names: string[] = [];
    for (const [exported, target] of Object.entries(summary.exports)) {
      if (!('local' in target)) continue;
      const symbol = declaredSymbol(summary, target.local);
      if (!symbol || !writesAuthStatus(symbol, { known, symbols: summary.symbols })) continue;
      if (exported !== 'default') names.push(exported);
      if (target.local !== 'default' && !target.local.includes('.')) names.push(target.local);
    }
    return names;
  }

  /**
   * What `name` means in `file`: its own declaration, or what its import leads to. A file outside
   * the index is read for its re-exports only; `full` reads the file that declares the name in full
   * (a call that passes a status to a helper the index did not select, `deny(401)`).
   */
  private lookupName(file: string, name: string, depth = 0, full = false): Resolution | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const summary = this.summaryFor(file, full);
    if (!summary) return undefined;
    const declared = this.localSymbol(file, summary, name, depth, full);
    if (declared) return declared;
    const imported = own(summary.imports, name);
    if (!imported) return undefined;
    return this.importTarget(file, imported.specifier, imported.name, depth + 1, full);
  }

  /** What a reference (`api.sendError`, `codes.UNAUTHORIZED`) means in `file`. */
  resolveRef(file: string, ref: Ref, depth = 0, full = false): Resolution | undefined {
    let current = this.lookupName(file, ref.name, depth, full);
    for (const member of ref.members ?? []) {
      if (!current) return undefined;
      current = this.memberOf(current, member, depth + 1, full);
    }
    return current;
  }

  /** Whether `specifier`, imported by `file`, is a module of the project (else a library's). */
  isProjectModule(file: string, specifier: string): boolean {
    return this.resolver.resolve(file, specifier) !== undefined;
  }

  private importTarget(file: string, specifier: string, name: string, depth: number, full: boolean): Resolution | undefined {
    const target = this.resolver.resolve(file, specifier);
    if (target === undefined) return { kind: 'library', specifier, name, members: [] };
    if (name === '*') return { kind: 'module', file: target };
    return this.exportOf(target, name, depth + 1, new Set(), full);
  }

  /** What `file` exports as `name`: a local, a re-export, or through `export *`. */
  exportOf(file: string, name: string, depth = 0, seen = new Set<string>(), full = false): Resolution | undefined {
    if (depth > MAX_DEPTH || seen.has(file)) return undefined;
    seen.add(file);
    const summary = this.summaryFor(file, full);
    if (!summary) return undefined;
    const exported = own(summary.exports, name);
    if (exported) {
      if ('local' in exported) return this.localSymbol(file, summary, exported.local, depth + 1, full) ?? this.lookupName(file, exported.local, depth + 1, full);
      return this.importTarget(file, exported.specifier, exported.name, depth + 1, full);
    }
    if (name === 'default') return undefined;
    for (const specifier of summary.starExports) {
      const target = this.resolver.resolve(file, specifier);
      const found = target === undefined ? undefined : this.exportOf(target, name, depth + 1, seen, full);
      if (found) return found;
    }
    return undefined;
  }

  /** A symbol declared in the file itself; an alias (`const X = other.Y`) is followed. */
  private localSymbol(file: string, summary: FileSummary, local: string, depth: number, full: boolean): Resolution | undefined {
    const symbol = declaredSymbol(summary, local);
    if (!symbol) return undefined;
    if (symbol.kind === 'value' && symbol.value.kind === 'ref' && symbol.value.ref.name !== local) return this.resolveRef(file, symbol.value.ref, depth + 1, full);
    return { kind: 'symbol', file, name: local, symbol };
  }

  private memberOf(resolution: Resolution, member: string, depth: number, full: boolean): Resolution | undefined {
    switch (resolution.kind) {
      case 'library':
        return { ...resolution, members: [...resolution.members, member] };
      case 'module':
        return this.exportOf(resolution.file, member, depth, new Set(), full);
      case 'symbol': {
        const { symbol, file, name } = resolution;
        const found = symbol.kind === 'table' ? own(symbol.members, member) : symbol.kind === 'class' ? own(symbol.statics, member) : undefined;
        if (!found) return undefined;
        if (found.kind === 'value' && found.value.kind === 'ref') return this.resolveRef(file, found.value.ref, depth + 1, full);
        return { kind: 'symbol', file, name: `${name}.${member}`, symbol: found };
      }
    }
  }

  /** The name of the package a file belongs to (its nearest package.json's). */
  private packageNameOf(file: string): string | undefined {
    return this.resolver.packages.nearest(path.dirname(file))?.name;
  }

  /** The folder of the package a file belongs to (its nearest package.json), else the root. */
  packageOf(file: string): string {
    return this.resolver.packages.nearest(path.dirname(file))?.dir ?? this.root;
  }

  /** The app-level error handlers that answer the errors of `file`: those of its package, and in a
   * package with several apps, those of its own app. */
  handlersFor(file: string): ProjectHandler[] {
    const owner = this.packageOf(file);
    let handlers = this.handlersByPackage.get(owner);
    if (!handlers) this.handlersByPackage.set(owner, (handlers = this.collectHandlers(owner)));
    if (!this.splitPackages.has(owner)) return handlers;
    // A file that imports nothing of its package and is imported by nothing is an app of its own.
    const app = this.appOf.get(file);
    return handlers.filter((handler) => handler.file === file || (app !== undefined && this.appOf.get(handler.file) === app));
  }

  private collectHandlers(owner: string): ProjectHandler[] {
    const handlers: ProjectHandler[] = [];
    for (const file of this.handlerFiles) {
      if (this.packageOf(file) !== owner) continue;
      const summary = this.summaryOf(file);
      if (!summary) continue;
      for (const handler of summary.handlers) handlers.push({ ...handler, file });
      for (const registration of summary.registrations) {
        const target = this.resolveRef(file, registration.ref);
        if (target?.kind !== 'symbol') continue;
        const { symbol } = target;
        if (symbol.kind === 'callable' && symbol.handler) {
          handlers.push({ framework: registration.framework, file: target.file, spot: symbol.spot, shape: `the error handler registered at ${path.basename(file)}:${registration.spot.line}`, branches: symbol.handler });
        } else if (symbol.kind === 'class' && symbol.filter) {
          handlers.push({ framework: 'nestjs', file: target.file, spot: symbol.spot, shape: 'a global exception filter', branches: symbol.filter.branches, catches: symbol.filter.catches });
        }
      }
    }
    return handlers;
  }
}

/** The symbol a file declares as `local`: its own, or a member of its CommonJS exports
 * (`module.exports.deny`, the local name the export map gives `exports.deny = () => ...`). */
function declaredSymbol(summary: FileSummary, local: string): Symbol | undefined {
  const symbol = own(summary.symbols, local);
  if (symbol || !local.startsWith(`${COMMONJS_EXPORTS}.`)) return symbol;
  const table = own(summary.symbols, COMMONJS_EXPORTS);
  return table?.kind === 'table' ? own(table.members, local.slice(COMMONJS_EXPORTS.length + 1)) : undefined;
}
