// What a status at a response site means, for the editor's hover: the code, what the client will
// do with it, and which rules look at it here (with their findings on this site, if any).
import type * as ts from 'typescript';
import { docsUrlFor } from './docs';
import { modelOptions, projectModel } from './lint';
import type { ResponseSite, SiteOrigin } from './model/types';
import type { ProjectContext } from './project/sites';
import type { Finding, LintSettings, TextRange } from './types';

interface StatusMeaning {
  title: string;
  means: string;
  clients: string;
  rules: string[];
}

const MEANINGS: Record<number, StatusMeaning> = {
  401: {
    title: '401 Unauthorized',
    means: 'The request lacks valid credentials: the client should authenticate (again), following the `WWW-Authenticate` challenge that says how (RFC 9110 §15.5.2).',
    clients: 'Browsers show a login dialog for `Basic`; single-page apps drop the session and go to the login page; SDKs refresh their token and retry.',
    rules: ['missing-www-authenticate', 'unauthorized-for-permission', 'invalid-challenge', 'challenge-lost'],
  },
  403: {
    title: '403 Forbidden',
    means: 'The server knows who is asking and refuses: logging in again will not help, and the client should not retry with the same credentials (RFC 9110 §15.5.4).',
    clients: 'Apps show "access denied" and keep the session.',
    rules: ['forbidden-for-missing-credentials'],
  },
  407: {
    title: '407 Proxy Authentication Required',
    means: 'A proxy between client and server wants credentials in `Proxy-Authorization`, following its `Proxy-Authenticate` challenge (RFC 9110 §15.5.8).',
    clients: 'Clients look for a configured proxy to authenticate to; an origin server that sends 407 leaves them stuck.',
    rules: ['proxy-auth-from-origin', 'missing-proxy-authenticate'],
  },
};

export interface StatusHover extends TextRange {
  /** Markdown, a few lines. */
  contents: string;
}

/**
 * The hover for a status at `offset`, if a response site's status is there. `findings` are the
 * file's current findings, to say which rules report this site. Read in its `project`, a call of
 * a project helper or error class is a site too, and the hover says what it sends and where that
 * is decided (`unauthorized()` (src/lib/response.ts:28) answers 401, without a challenge).
 */
export function hoverAt(sourceFile: ts.SourceFile, offset: number, findings: readonly Finding[], settings: Partial<LintSettings> = {}, project?: ProjectContext): StatusHover | undefined {
  const model = projectModel(sourceFile, modelOptions(sourceFile, settings, project), project);
  const site = [...model.sites, ...(model.helperCalls ?? [])].find((s) => {
    const start = s.status.node.getStart();
    return (start <= offset && offset <= s.status.node.end) || (s.range.start <= offset && offset <= s.range.end);
  });
  const meaning = site && MEANINGS[site.status.code];
  if (!site || !meaning) return undefined;
  const here = findings.filter((f) => f.start < site.range.end && site.range.start < f.end);
  const origin = site.origin && originLine(site, site.origin);
  const lines = [`**${meaning.title}**`, '', ...(origin ? [origin, ''] : []), meaning.means, '', `What clients do: ${meaning.clients}`, ''];
  if (here.length > 0) {
    for (const finding of here) lines.push(`- [${finding.ruleId}](${finding.docsUrl}): ${finding.message}`);
  } else {
    lines.push(`Checked by ${meaning.rules.map((id) => `[${id}](${docsUrlFor(id)})`).join(', ')}: no problem found here.`);
  }
  return { start: site.range.start, end: site.range.end, contents: lines.join('\n') };
}

/** What project code a site calls sends, and what decides its challenge. */
function originLine(site: ResponseSite, origin: SiteOrigin): string {
  const code = site.status.code;
  const sends = `\`${origin.label}\` (${origin.definition.where}) ${origin.decided === 'here' ? `sends the ${code} given here` : `answers ${code}`}`;
  const answeredBy = origin.handler ? `, answered by the error handler at ${origin.handler.where}` : origin.byDefault ? ` (${origin.byDefault})` : '';
  const header = CHALLENGE_HEADER[code as 401 | 407];
  if (!header) return `${sends}${answeredBy}.`;
  const written = site.headers.filter((write) => write.name === undefined || write.name === header);
  const challenge = written.length === 0 ? `without a \`${HEADER_NAME[header]}\` challenge` : written.every((write) => write.name === header) ? `with its \`${HEADER_NAME[header]}\` challenge` : `with headers that cannot be followed from here`;
  return `${sends}${answeredBy}, ${challenge}.`;
}

const CHALLENGE_HEADER: Record<401 | 407, string> = { 401: 'www-authenticate', 407: 'proxy-authenticate' };
const HEADER_NAME: Record<string, string> = { 'www-authenticate': 'WWW-Authenticate', 'proxy-authenticate': 'Proxy-Authenticate' };
