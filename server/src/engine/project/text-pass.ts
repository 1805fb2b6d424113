// The cheap first look at every file of a project, before anything is parsed: a regular expression
// over its text. Only a few percent of a real repository's files mention a 401, 403 or 407 at all
// (PROJECT-ANALYSIS.md); those are parsed, with the files that define or register an app-level
// error handler, and, in a second pass, the files that mention a name the summaries found to send
// one (`unauthorized`, `RequestError`). Everything else is read once and never parsed.

/** A status the rules are about, as a number or a name (`UnauthorizedException`, `Boom.forbidden(`,
 * `unauthorizedResponse(`: a lower-case word only where it is called, not in the many message
 * strings that say it); the challenge headers; a suppression comment; and the shapes that send one
 * without naming it: a Nest guard's `canActivate` (false is a 403), auth middleware of passport
 * and the basic-auth libraries (a 401). A status is a whole number: the `.401` of `L170.401` in
 * an SVG path (icon components are full of them) or a `401.5` is none. */
const MATTERS = /(?<![\w.])40[137](?![\w]|\.\d)|UNAUTHORI[SZ]ED|FORBIDDEN|PROXY_AUTH|Unauthori[sz]ed|Forbidden|ProxyAuth|(?:unauthori[sz]ed|forbidden)\w*\s*\(|[Ww][Ww][Ww]-[Aa]uthenticate|[Pp]roxy-[Aa]uthenticate|http-auth-lint|canActivate|passport|basic-?[Aa]uth/;

/** Signs of an app-level error handler: the registrations, and the shapes of Express and Koa ones. */
const REGISTERS_HANDLER = /setErrorHandler|\.onError\s*\(|@Catch\(|useGlobalFilters|APP_FILTER|defineNitroErrorHandler|createApp\s*\(\s*\{[^}]*\bonError\b/;
const EXPRESS_ERROR_MIDDLEWARE = /\(\s*_?(?:err|error|e|ex|exception)\b[^()]*,[^()]*,[^()]*,\s*_?next\b/;
const KOA_TRY_NEXT = /\bawait\s+next\s*\(\s*\)/;
const CATCH = /\bcatch\s*\(/;

/** Whether a file may send or decide a 401, 403 or 407, or holds a suppression comment. A status
 * that only a comment mentions does not count (generated API docs are full of `401:` in JSDoc). */
export function mayMatter(text: string): boolean {
  if (!MATTERS.test(text)) return false;
  if (text.includes('http-auth-lint')) return true;
  return MATTERS.test(withoutComments(text));
}

/** The text with its comments blanked out; strings and template literals are kept as they are
 * (a `//` inside a string is no comment). */
export function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0x60) {
      // '...' "..." `...`: skip to the closing quote (escapes honored; `${}` left as text).
      for (i++; i < length && text.charCodeAt(i) !== c; i++) if (text.charCodeAt(i) === 0x5c) i++;
      i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      out += text.slice(from, i);
      i = from = end < 0 ? length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      out += text.slice(from, i) + ' ';
      i = from = end < 0 ? length : end + 2;
    } else {
      i++;
    }
  }
  return out + text.slice(from);
}

/** Whether a file may define or register an app-level error handler. */
export function mayHandleErrors(text: string): boolean {
  return REGISTERS_HANDLER.test(text) || EXPRESS_ERROR_MIDDLEWARE.test(text) || (KOA_TRY_NEXT.test(text) && CATCH.test(text));
}

/** The signs mayHandleErrors looks for, as bits, for texts read apart (a file's statements): a
 * registration or an Express error middleware, Koa's `await next()`, a `catch (`. */
const HANDLER_SIGN = { registers: 1, koaNext: 2, catches: 4 } as const;

/** A word every sign above holds: most texts hold none, and one test tells. */
const HANDLER_WORDS = /onError|setErrorHandler|@Catch|useGlobalFilters|APP_FILTER|defineNitroErrorHandler|next|catch/;

export function handlerSigns(text: string): number {
  if (!HANDLER_WORDS.test(text)) return 0;
  if (REGISTERS_HANDLER.test(text) || EXPRESS_ERROR_MIDDLEWARE.test(text)) return HANDLER_SIGN.registers;
  return (KOA_TRY_NEXT.test(text) ? HANDLER_SIGN.koaNext : 0) | (CATCH.test(text) ? HANDLER_SIGN.catches : 0);
}

/** Whether the signs of some texts, together, are those of an error handler (as mayHandleErrors). */
export function signsHandleErrors(signs: number): boolean {
  return (signs & HANDLER_SIGN.registers) !== 0 || (signs & (HANDLER_SIGN.koaNext | HANDLER_SIGN.catches)) === (HANDLER_SIGN.koaNext | HANDLER_SIGN.catches);
}

/** Names too common to select files by: nearly every file would mention them. */
const COMMON_NAMES = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'default', 'index', 'error', 'errors', 'handler', 'handlers', 'utils', 'config', 'response', 'request', 'module', 'exports', 'send', 'json', 'status', 'create', 'assert', 'check', 'next']);

/** A pattern that finds any of `names` as a whole word; undefined when there is none to look for. */
export function mentionPattern(names: Iterable<string>): RegExp | undefined {
  const words = [...new Set(names)].filter((name) => (name.length >= 4 || /^[A-Z]/.test(name)) && !COMMON_NAMES.has(name) && /^[A-Za-z_$][\w$]*$/.test(name));
  if (words.length === 0) return undefined;
  words.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\w$])(?:${words.map((word) => word.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`);
}

/** The creation of an app (a server with its own error handling): `new Koa()`, `express()`,
 * `fastify()`, `new Hono()`, `NestFactory.create`, h3's `createApp()`, `new Elysia()`, hapi's server. */
const CREATES_APP = /\bnew\s+Koa\s*\(|\bexpress\s*\(\s*\)|\b[Ff]astify\s*\(|\bnew\s+Hono\s*[(<]|NestFactory\.create|\bcreateApp\s*\(|\bnew\s+Elysia\s*\(|\bHapi\.server\s*\(/;

export function createsApp(text: string): boolean {
  return CREATES_APP.test(text);
}

const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\s+['"]([^'"\n]+)['"]/g;

/** The modules a file imports, read from its text (imports, re-exports, requires, dynamic imports),
 * libraries included. */
export function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

/** Whether a specifier names a module of the project itself by its path: relative, absolute (the
 * resolver reads it as a file, resolve/resolver.ts), or a `#`, `~` or `@/` alias. Any other is a
 * package's name, maybe with a module of it after the name. */
export function isProjectSpecifier(specifier: string): boolean {
  return /^[.#~/]|^@\//.test(specifier);
}

/** Of a file's specifiers, those of the project's own modules: what connects the files of one
 * app, without parsing them. */
export function projectPaths(specifiers: readonly string[]): string[] {
  return specifiers.filter(isProjectSpecifier);
}

/** What the index takes from a file's text (project.ts index()): read on whichever thread reads
 * the file, plain data to cross to the one that summarizes. */
export interface TextFacts {
  file: string;
  /** The length of its text. */
  length: number;
  /** Every module it names (specifiersOf). */
  specifiers: string[];
  createsApp: boolean;
  /** It may define or register an app-level error handler. */
  handles: boolean;
  /** It may send or decide a status (mayMatter); not asked of a file that `handles`. */
  matters: boolean;
}

export function textFactsOf(file: string, text: string): TextFacts {
  const handles = mayHandleErrors(text);
  // A handler file is selected whatever else it says: the mention test is not needed for it.
  return { file, length: text.length, specifiers: specifiersOf(text), createsApp: createsApp(text), handles, matters: !handles && mayMatter(text) };
}

/** Whether the text pass selects a file by its own text; any other waits for the name rounds. */
export function isSelectedByText(facts: TextFacts): boolean {
  return facts.handles || facts.matters;
}
