// A framework's own error (`throw new UnauthorizedException()`, `ctx.throw(401)`, `throw new
// HTTPException(401)`) is answered by the app's error handlers before its framework's default: a
// Nest filter registered with useGlobalFilters, a Koa error middleware, Hono's onError. The
// adapters read the default; here the app's handlers, where the file is read as part of a project:
// one that adds a challenge silences the site, one whose answer is unknown too, and one that
// drops the headers is named in the finding.
import { unknownWrite } from '../model/values/headers';
import type { ResponseSite } from '../model/types';
import { challengeInHandler } from './cross-file-fixes';
import { handlerVerdict } from './error-handling';
import type { ProjectContext } from './sites';

export function answeredByHandlers(site: ResponseSite, { project, file }: ProjectContext): ResponseSite {
  if (!site.thrownError) return site;
  const verdict = handlerVerdict(project, file, site.thrownError.classes, site.thrownError.answeredBy);
  if (!verdict) return site;
  if (verdict.challenge === 'set') return { ...site, headers: [...site.headers, { name: 'www-authenticate', value: undefined, nameNode: undefined, valueNode: undefined, node: site.node }] };
  if (verdict.challenge === 'unknown') return { ...site, headers: [...site.headers, unknownWrite(site.node)] };
  const handler = verdict.handler!;
  const where = project.where(handler.file, handler.spot.line);
  const spot = { file: handler.file, start: handler.spot.start, end: handler.spot.end, line: handler.spot.line, where };
  const answering = { ...spot, shape: handler.shape, framework: handler.framework };
  // The handler sends the status without the headers: the challenge goes there, not at the throw.
  return {
    ...site,
    origin: { label: site.thrownError.classes[0].name, definition: spot, decided: 'here', handler: answering },
    fixer: { addHeader: (name, valueCode) => challengeInHandler(project, answering, name, valueCode) },
  };
}
