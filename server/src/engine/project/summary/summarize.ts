// A file's summary (types.ts) from its analysis: the module graph, the top-level symbols with the
// framework sends the response model found in them, and the app-level error handlers.
import type { FileAnalysis } from '../../model/build';
import { mayHandleErrors } from '../text-pass';
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
    // Only the files the text pass finds signs of error handling in are read for their handlers
    // (project.ts collectHandlers): in others, handlers would be read by no one.
    ...(mayHandleErrors(sourceFile.text) ? handlersOf(sourceFile) : { handlers: [], registrations: [] }),
  };
}
