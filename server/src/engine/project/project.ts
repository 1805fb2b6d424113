// The project index: the summaries of the project's files (computed on first use, or given from a
// cache), and names resolved across files through imports, re-exports, CommonJS exports and
// aliases. A name that leads out of the project is a library name (its module and export), which
// the analysis may know from its catalogue; a name that leads nowhere is unknown.
import * as path from 'node:path';
import type { Framework } from '../model/types';
import type { ProjectHost } from './host';
import { ModuleResolver } from './resolve/resolver';
import type { FileSummary, HandlerBranch, Ref, Spot, Symbol } from './summary/types';
import { COMMONJS_EXPORTS } from './summary/module-graph';
import { own } from './summary/records';

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

/** Makes a file's summary from its text; the engine's own (./summaries.ts) parses and analyzes it. */
export type Summarizer = (fileName: string, text: string) => FileSummary;

const MAX_DEPTH = 24;

export class Project {
  readonly resolver: ModuleResolver;
  private readonly summaries = new Map<string, FileSummary | null>();
  private readonly handlerFiles = new Set<string>();
  private readonly handlersByPackage = new Map<string, ProjectHandler[]>();

  constructor(
    readonly host: ProjectHost,
    readonly root: string,
    private readonly summarizer: Summarizer,
  ) {
    this.resolver = new ModuleResolver(host, root);
  }

  /** Gives a file's summary (computed by a lint run, or read from a cache). */
  setSummary(file: string, summary: FileSummary): void {
    this.summaries.set(file, summary);
  }

  /** The summary of a file of the project; undefined when it cannot be read. */
  summaryOf(file: string): FileSummary | undefined {
    let summary = this.summaries.get(file);
    if (summary === undefined) {
      const text = this.host.readFile(file);
      try {
        summary = text === undefined ? null : this.summarizer(file, text);
      } catch {
        summary = null; // a file the summarizer cannot read says nothing
      }
      this.summaries.set(file, summary);
    }
    return summary ?? undefined;
  }

  /** Files that may define or register an app-level error handler (the text pass found the signs). */
  addHandlerFiles(files: Iterable<string>): void {
    for (const file of files) this.handlerFiles.add(file);
    this.handlersByPackage.clear();
  }

  /** What `name` means in `file`: its own declaration, or what its import leads to. */
  lookupName(file: string, name: string, depth = 0): Resolution | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const summary = this.summaryOf(file);
    if (!summary) return undefined;
    const declared = this.localSymbol(file, summary, name, depth);
    if (declared) return declared;
    const imported = own(summary.imports, name);
    if (!imported) return undefined;
    return this.importTarget(file, imported.specifier, imported.name, depth + 1);
  }

  /** What a reference (`api.sendError`, `codes.UNAUTHORIZED`) means in `file`. */
  resolveRef(file: string, ref: Ref, depth = 0): Resolution | undefined {
    let current = this.lookupName(file, ref.name, depth);
    for (const member of ref.members ?? []) {
      if (!current) return undefined;
      current = this.memberOf(current, member, depth + 1);
    }
    return current;
  }

  private importTarget(file: string, specifier: string, name: string, depth: number): Resolution | undefined {
    const target = this.resolver.resolve(file, specifier);
    if (target === undefined) return { kind: 'library', specifier, name, members: [] };
    if (name === '*') return { kind: 'module', file: target };
    return this.exportOf(target, name, depth + 1);
  }

  /** What `file` exports as `name`: a local, a re-export, or through `export *`. */
  exportOf(file: string, name: string, depth = 0, seen = new Set<string>()): Resolution | undefined {
    if (depth > MAX_DEPTH || seen.has(file)) return undefined;
    seen.add(file);
    const summary = this.summaryOf(file);
    if (!summary) return undefined;
    const exported = own(summary.exports, name);
    if (exported) {
      if ('local' in exported) return this.localSymbol(file, summary, exported.local, depth + 1) ?? this.lookupName(file, exported.local, depth + 1);
      return this.importTarget(file, exported.specifier, exported.name, depth + 1);
    }
    if (name === 'default') return undefined;
    for (const specifier of summary.starExports) {
      const target = this.resolver.resolve(file, specifier);
      const found = target === undefined ? undefined : this.exportOf(target, name, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** A symbol declared in the file itself; an alias (`const X = other.Y`) is followed. */
  private localSymbol(file: string, summary: FileSummary, local: string, depth: number): Resolution | undefined {
    let symbol: Symbol | undefined = own(summary.symbols, local);
    if (!symbol && local.startsWith(`${COMMONJS_EXPORTS}.`)) {
      const table = own(summary.symbols, COMMONJS_EXPORTS);
      symbol = table?.kind === 'table' ? own(table.members, local.slice(COMMONJS_EXPORTS.length + 1)) : undefined;
    }
    if (!symbol) return undefined;
    if (symbol.kind === 'value' && symbol.value.kind === 'ref' && symbol.value.ref.name !== local) return this.resolveRef(file, symbol.value.ref, depth + 1);
    return { kind: 'symbol', file, name: local, symbol };
  }

  private memberOf(resolution: Resolution, member: string, depth: number): Resolution | undefined {
    switch (resolution.kind) {
      case 'library':
        return { ...resolution, members: [...resolution.members, member] };
      case 'module':
        return this.exportOf(resolution.file, member, depth);
      case 'symbol': {
        const { symbol, file, name } = resolution;
        const found = symbol.kind === 'table' ? own(symbol.members, member) : symbol.kind === 'class' ? own(symbol.statics, member) : undefined;
        if (!found) return undefined;
        if (found.kind === 'value' && found.value.kind === 'ref') return this.resolveRef(file, found.value.ref, depth + 1);
        return { kind: 'symbol', file, name: `${name}.${member}`, symbol: found };
      }
    }
  }

  /** The folder of the package a file belongs to (its nearest package.json), else the root. */
  packageOf(file: string): string {
    return this.resolver.packages.nearest(path.dirname(file))?.dir ?? this.root;
  }

  /** The app-level error handlers of the package `file` belongs to. */
  handlersFor(file: string): ProjectHandler[] {
    const owner = this.packageOf(file);
    let handlers = this.handlersByPackage.get(owner);
    if (!handlers) this.handlersByPackage.set(owner, (handlers = this.collectHandlers(owner)));
    return handlers;
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
