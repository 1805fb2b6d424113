// SARIF 2.1.0, the format GitHub code scanning (and SARIF viewers) read: one run of
// http-auth-lint with every rule's metadata and help link, one result per problem. A test
// validates the output against the OASIS schema.
//
// What GitHub code scanning reads: each rule's shortDescription, fullDescription, help and
// helpUri; each result's ruleId, level, message, first location (relative to the checkout:
// %SRCROOT% is the current directory) and partialFingerprints, which match an alert across runs.
// Our fingerprint is a hash of the rule and the line's text, so it survives lines moving; the
// upload action adds its own primaryLocationLineHash beside it.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { REPOSITORY_URL } from '../../engine/docs';
import { ruleCatalog, type ReportedSeverity, type RuleInfo } from '../../engine';
import { posixRelative } from '../paths';
import { UNUSED_DIRECTIVE_ID, type ConfigProblemReport, type FileReport, type SkippedReport, type Span } from '../report';
import { splitLines } from './code-frame';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'httpAuthLint/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifContext {
  cwd: string;
  version: string;
  configProblems: readonly ConfigProblemReport[];
  /** Files and folders not linted: an error notification each when they could not be read (the
   * run did not succeed), a note when skipped on purpose. */
  skipped?: readonly SkippedReport[];
}

const LEVELS: Record<ReportedSeverity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `missing-www-authenticate` -> `MissingWwwAuthenticate`: SARIF's rule name is an identifier. */
function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

function descriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const fix = rule.fixKind === 'safe' ? 'Its fix is safe: `--fix` and fix-all apply it.' : 'Its fix is a suggestion, applied one at a time in the editor.';
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: `${rule.description}.` },
    fullDescription: { text: `${rule.description}. ${fix.replace(/`/g, '')}` },
    helpUri: rule.docsUrl,
    help: { text: `${rule.description}. ${fix.replace(/`/g, '')} See ${rule.docsUrl}`, markdown: `${rule.description}. ${fix}\n\n[The rule's page](${rule.docsUrl})` },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
  };
}

const UNUSED_DIRECTIVE: Sarif.ReportingDescriptor = {
  id: UNUSED_DIRECTIVE_ID,
  name: 'UnusedDisableDirective',
  shortDescription: { text: 'Report suppression comments that suppress nothing.' },
  fullDescription: { text: 'Report http-auth-lint-disable comments that suppress no problem (reported with --report-unused-disable; --fix then removes them).' },
  helpUri: `${REPOSITORY_URL}#settings`,
  defaultConfiguration: { level: 'warning' },
};

/** The rules, in a fixed order: a result's ruleIndex points into it. */
export function sarifRules(): Sarif.ReportingDescriptor[] {
  return [...ruleCatalog.map(descriptor), UNUSED_DIRECTIVE];
}

function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  const relative = posixRelative(filePath, cwd);
  return relative !== undefined
    ? { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
    : { uri: pathToFileURL(filePath).href };
}

function region(span: Span): Sarif.Region {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** Whitespace does not count: reindenting a block keeps its alerts. */
function normalizedLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function results(report: FileReport, cwd: string, ruleIndex: ReadonlyMap<string, number>): Sarif.Result[] {
  const location = artifactLocation(report.filePath, cwd);
  const lines = splitLines(report.source);
  // Two problems of one rule on lines that read the same are told apart by their order.
  const seen = new Map<string, number>();
  return report.problems.map((problem): Sarif.Result => {
    const ruleId = problem.ruleId ?? UNUSED_DIRECTIVE_ID;
    const key = `${ruleId}\0${normalizedLine(lines[problem.line - 1] ?? '')}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const result: Sarif.Result = {
      ruleId,
      ruleIndex: ruleIndex.get(ruleId)!,
      level: LEVELS[problem.severity],
      message: { text: problem.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(problem) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32) },
    };
    if (problem.related.length > 0) {
      result.relatedLocations = problem.related.map((related, index) => ({
        id: index + 1,
        physicalLocation: { artifactLocation: related.filePath ? artifactLocation(related.filePath, cwd) : location, region: region(related) },
        message: { text: related.message },
      }));
    }
    if (problem.fixes.length > 0) {
      result.fixes = problem.fixes.map((fix) => ({
        description: { text: fix.safe ? fix.title : `${fix.title} (a suggestion: review it)` },
        // One change per file: a fix may edit another file (the app's error handler).
        artifactChanges: [...new Set(fix.edits.map((edit) => edit.filePath))].map((file) => ({
          artifactLocation: file === undefined ? location : artifactLocation(file, cwd),
          replacements: fix.edits.filter((edit) => edit.filePath === file).map((edit) => ({ deletedRegion: region(edit), insertedContent: { text: edit.newText } })),
        })),
      }));
    }
    return result;
  });
}

export function sarifLog(reports: readonly FileReport[], context: SarifContext): Sarif.Log {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const ruleFailures: Sarif.Notification[] = reports.flatMap((report) =>
    report.ruleFailures.map((failure) => ({
      level: 'error' as const,
      message: { text: `Rule ${failure.ruleId} failed: ${failure.message}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.filePath, context.cwd) } }],
    })),
  );
  const skipped: Sarif.Notification[] = (context.skipped ?? []).map((skip) => ({
    level: skip.incomplete ? 'error' : 'note',
    message: { text: `Skipped: ${skip.reason}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(skip.path, context.cwd) } }],
  }));
  const notifications = [...ruleFailures, ...skipped];
  const invocation: Sarif.Invocation = { executionSuccessful: notifications.every((notification) => notification.level !== 'error') };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
  if (context.configProblems.length > 0) {
    invocation.toolConfigurationNotifications = context.configProblems.map((problem) => ({
      level: 'error',
      message: { text: problem.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.filePath, context.cwd), region: region(problem) } }],
    }));
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'http-auth-lint',
            informationUri: REPOSITORY_URL,
            version: context.version,
            ...(/^\d+\.\d+\.\d+/.test(context.version) ? { semanticVersion: context.version } : {}),
            rules,
          },
        },
        // %SRCROOT% ends with a slash: SARIF resolves the relative URIs against it.
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd).href.replace(/\/?$/, '/') } },
        invocations: [invocation],
        results: reports.flatMap((report) => results(report, context.cwd, ruleIndex)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatSarif(reports: readonly FileReport[], context: SarifContext): string {
  return `${JSON.stringify(sarifLog(reports, context), null, 2)}\n`;
}
