// The engine's summarizer: a file's text, parsed and analyzed as for a lint, read into its summary.
import { analyzeFile, type FileAnalysis } from '../model/build';
import { parse } from '../parse';
import type { ProjectHost } from './host';
import { Project } from './project';
import { moduleGraphOf } from './summary/module-graph';
import { summarize } from './summary/summarize';
import type { FileSummary } from './summary/types';

/** `root`: the project's, below which test folders are looked for (model/test-code.ts). */
export function summarizeText(fileName: string, text: string, graphOnly = false, root?: string): { summary: FileSummary; analysis?: FileAnalysis } {
  const sourceFile = parse(fileName, text);
  if (graphOnly) return { summary: { ...moduleGraphOf(sourceFile), symbols: {}, handlers: [], registrations: [] } };
  const analysis = analyzeFile(sourceFile, { root });
  return { summary: summarize(analysis), analysis };
}

/** A project rooted at `root` (the folder of its package.json or tsconfig, or of its workspace). */
export function createProject(host: ProjectHost, root: string): Project {
  return new Project(host, root, (fileName, text, graphOnly) => summarizeText(fileName, text, graphOnly, root));
}
