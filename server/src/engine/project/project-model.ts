// What reading a file as part of its project adds to its response model: the sites of its calls
// of project code (helpers, error classes), the verdicts of the app's error handlers on the errors
// it throws, the statuses of constants it imports, and where the functions its guards call are
// defined. Prepared once per lint (readInProject), then added to the model of the whole file or,
// in the incremental lint, to the model of each group of statements it analyses (withProject).
import type { FileAnalysis } from '../model/build';
import type { StatementFacts } from '../model/statement-walk';
import type { DefinitionLookup, ResponseModel } from '../model/types';
import { definitionsOf } from './definitions';
import { answeredByHandlers } from './framework-errors';
import { projectSites, type ProjectContext } from './sites';
import { externalStatuses } from './statuses';
import { summarize } from './summary/summarize';

export interface ProjectReading {
  context: ProjectContext;
  definitions: DefinitionLookup;
}

/** Records the file's summary from this analysis (reading its imports must not parse it again)
 * and lets its constants read the project's; call before its models are made. */
export function readInProject(analysis: FileAnalysis, context: ProjectContext): ProjectReading {
  const { project, file } = context;
  if (!project.hasSummary(file)) project.setSummary(file, summarize(analysis));
  analysis.consts.external = externalStatuses(project, file);
  return { context, definitions: definitionsOf(context) };
}

/** `model` (of the whole file, or of `statements`) with what the project adds in it. */
export function withProject(model: ResponseModel, analysis: FileAnalysis, reading: ProjectReading, statements?: readonly StatementFacts[]): ResponseModel {
  const taken = new Set(model.sites.map((site) => site.node));
  const found = projectSites(analysis, taken, reading.context, statements);
  const sites = model.sites.map((site) => answeredByHandlers(site, reading.context));
  return {
    ...model,
    sites: [...sites, ...found.filter((site) => site.origin?.decided !== 'definition')],
    helperCalls: found.filter((site) => site.origin?.decided === 'definition'),
    definitions: reading.definitions,
  };
}
