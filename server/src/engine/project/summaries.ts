// The engine's summarizer: a file's text, parsed and analyzed as for a lint, read into its summary.
import { analyzeFile, type FileAnalysis } from '../model/build';
import { parse } from '../parse';
import type { ProjectHost } from './host';
import { Project } from './project';
import { moduleGraphOf } from './summary/module-graph';
import { summarize } from './summary/summarize';
import type { FileSummary } from './summary/types';

export function summarizeText(fileName: string, text: string, graphOnly = false): { summary: FileSummary; analysis?: FileAnalysis } {
  const sourceFile = parse(fileName, text);
  if (graphOnly) return { summary: { ...moduleGraphOf(sourceFile), symbols: {}, handlers: [], registrations: [] } };
  const analysis = analyzeFile(sourceFile);
  return { summary: summarize(analysis), analysis };
}

/** A project rooted at `root` (the folder of its package.json or tsconfig, or of its workspace). */
export function createProject(host: ProjectHost, root: string): Project {
  return new Project(host, root, summarizeText);
}
