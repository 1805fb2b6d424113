// A file's summary (types.ts) from its analysis: the module graph, the top-level symbols with the
// framework sends the response model found in them, and the app-level error handlers.
import type { FileAnalysis } from '../../model/build';
import { fileMayHandleErrors } from './handler-signs';
import { handlersOf } from './handlers';
import { moduleGraphOf } from './module-graph';
import { sendsByFunction } from './sends';
import { symbolsOf } from './symbols';
import type { FileSummary } from './types';

export function summarize(analysis: FileAnalysis): FileSummary {
  const sourceFile = analysis.sourceFile;
  return {
    ...moduleGraphOf(sourceFile),
    symbols: symbolsOf(sourceFile, sendsByFunction(analysis)),
    // Only the files with signs of error handling (the text pass's, statement by statement) are
    // read for their handlers (project.ts collectHandlers): in others, handlers would be read by no one.
    ...(fileMayHandleErrors(sourceFile) ? handlersOf(sourceFile) : { handlers: [], registrations: [] }),
  };
}
