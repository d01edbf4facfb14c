import { createHash } from 'node:crypto';
import type { Log, Region as SarifRegion, ReportingDescriptor as SarifRule, Result as SarifResult, Run } from 'sarif';
import { redactSecrets, stringifyRedacted } from '../core/redact.js';
import { LineIndex } from '../core/span.js';
import { FINDING_KINDS, type Finding, type FindingKind, type ManualAction, type ScanResult, type Severity } from '../core/types.js';
import { MANUAL_CODES } from '../plan/codes.js';
import { describeFinding } from './summary.js';
import type { Reporter } from './types.js';

// Field choices and limits follow GitHub's "SARIF support for code scanning" page.
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub rejects a run with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub shows only a message's first sentence when space is short; ours are cut at this length. */
export const MAX_MESSAGE_LENGTH = 1000;
/** GitHub's limit for a rule's short and full descriptions. */
const MAX_DESCRIPTION_LENGTH = 1024;
/** Our own fingerprint: upload-sarif adds GitHub's `primaryLocationLineHash` beside it. */
export const FINGERPRINT_KEY = 'migrateOpenai/v1';

export const RULE_PREFIX = 'migrate-openai/';

/** What each finding kind means, as a rule title. */
const FINDING_TITLES: Record<FindingKind, string> = {
  import: 'Imports the openai package',
  client: 'Creates an OpenAI client',
  'api-call': 'Calls an OpenAI API',
  model: 'Uses an OpenAI model id',
  'env-var': 'Reads an OpenAI environment variable',
  'base-url': 'Points at an OpenAI URL',
  'api-key': 'Contains a hard-coded OpenAI API key',
  framework: 'Uses a framework package bound to OpenAI',
};

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<Severity, SarifLevel>;
const LEVEL_RANK = { error: 0, warning: 1, note: 2 } as const;

type SarifLevel = 'error' | 'warning' | 'note';

/** A result before its fingerprint: what it is about and the source text it matched. */
interface Located {
  rule: string;
  level: SarifLevel;
  message: string;
  file: string;
  region: SarifRegion;
  matched: string;
  /** The manual action's docs link: its rule's `helpUri`. */
  docs?: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: `plan` and `report` give one result per manual action
 * (rule `migrate-openai/<code>`), `scan` one per finding (rule `migrate-openai/finding/<kind>`).
 */
export const renderSarif: Reporter = (input, ctx) => {
  const located = input.plan ? input.plan.plan.manual.map((action) => locateAction(input.scan, action)) : locateFindings(input.scan);
  const { kept, omitted } = capResults(located);
  // Only the rules the results use, in a fixed order: a new code does not change every log.
  const used = new Set(kept.map((item) => item.rule));
  const docs = new Map<string, string>();
  for (const item of kept) if (item.docs !== undefined && !docs.has(item.rule)) docs.set(item.rule, item.docs);
  const rules = (input.plan ? manualRules() : findingRules())
    .filter((rule) => used.has(rule.id))
    .map((rule) => (docs.has(rule.id) ? { ...rule, helpUri: docs.get(rule.id) } : rule));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = fingerprint(kept).map(({ item, fingerprint: value }): SarifResult => ({
    ruleId: item.rule,
    ...(ruleIndex.has(item.rule) ? { ruleIndex: ruleIndex.get(item.rule) } : {}),
    level: item.level,
    // Redacted before it is cut, so that no part of a key is left behind.
    message: { text: truncate(redactSecrets(item.message), MAX_MESSAGE_LENGTH) },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(item.file), uriBaseId: '%SRCROOT%' }, region: item.region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: value },
  }));
  const run: Run = {
    tool: {
      driver: {
        name: 'migrate-openai',
        version: ctx.version,
        semanticVersion: ctx.version,
        rules,
      },
    },
    ...(omitted > 0
      ? {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                { level: 'warning', message: { text: `${omitted} results left out: GitHub code scanning accepts at most ${MAX_RESULTS_PER_RUN} per run` } },
              ],
            },
          ],
        }
      : {}),
    columnKind: 'utf16CodeUnits',
    results,
    ...(input.plan ? { properties: { target: input.plan.plan.target } } : {}),
  };
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return stringifyRedacted(log);
};

function manualRules(): SarifRule[] {
  return Object.entries(MANUAL_CODES).map(([code, title]) =>
    rule(
      `${RULE_PREFIX}${code}`,
      code,
      title,
      `${title}. A manual action: migrate-openai does not make this change by itself. Each result says why, and names the target provider's alternative where it has one.`,
    ),
  );
}

function findingRules(): SarifRule[] {
  return FINDING_KINDS.map((kind) =>
    rule(`${RULE_PREFIX}finding/${kind}`, `finding-${kind}`, FINDING_TITLES[kind], `${FINDING_TITLES[kind]}: a place to change when moving off OpenAI.`),
  );
}

function rule(id: string, code: string, title: string, help: string): SarifRule {
  return {
    id,
    // GitHub shows and filters by the name (at most 255 characters): PascalCase of the code.
    name: code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: truncate(title, MAX_DESCRIPTION_LENGTH) },
    fullDescription: { text: truncate(help, MAX_DESCRIPTION_LENGTH) },
    help: { text: `${help} The migrate-openai README lists every rule: "Manual actions" and "What is found and what is changed".` },
    properties: { tags: ['openai', 'migration'] },
  };
}

function locateAction(scan: ScanResult, action: ManualAction): Located {
  const text = scan.texts.get(action.file);
  const lineText = text === undefined ? '' : new LineIndex(text).lineText(action.line);
  const indent = lineText.length - lineText.trimStart().length;
  const trimmed = lineText.trim();
  const region: SarifRegion =
    trimmed === ''
      ? { startLine: action.line }
      : { startLine: action.line, startColumn: indent + 1, endLine: action.line, endColumn: indent + trimmed.length + 1 };
  return {
    rule: `${RULE_PREFIX}${action.code}`,
    level: LEVELS[action.severity],
    message: action.message,
    file: action.file,
    region,
    // The line's code, not its number: the fingerprint survives lines added above it.
    matched: trimmed === '' ? action.message : trimmed,
    ...(action.docs !== undefined ? { docs: action.docs } : {}),
  };
}

function locateFindings(scan: ScanResult): Located[] {
  const indexes = new Map<string, LineIndex>();
  return scan.findings.map((finding) => {
    const text = scan.texts.get(finding.file);
    let index = indexes.get(finding.file);
    if (index === undefined && text !== undefined) {
      index = new LineIndex(text);
      indexes.set(finding.file, index);
    }
    const { line, column } = finding.span;
    const end = index?.span(finding.span.end, finding.span.end);
    return {
      rule: `${RULE_PREFIX}finding/${finding.kind}`,
      level: findingLevel(finding),
      message: `${FINDING_TITLES[finding.kind]}: ${describeFinding(finding)}`,
      file: finding.file,
      region: end ? { startLine: line, startColumn: column, endLine: end.line, endColumn: end.column } : { startLine: line, startColumn: column },
      matched: text?.slice(finding.span.start, finding.span.end) ?? finding.snippet,
    };
  });
}

function findingLevel(finding: Finding): SarifLevel {
  if (finding.kind === 'api-key') return 'error';
  return finding.confidence === 'possible' || finding.migratedTo !== undefined ? 'note' : 'warning';
}

/** Over the limit, the most severe results are kept, in their original order. */
function capResults(located: Located[]): { kept: Located[]; omitted: number } {
  if (located.length <= MAX_RESULTS_PER_RUN) return { kept: located, omitted: 0 };
  const chosen = located
    .map((item, index) => ({ item, index }))
    .sort((a, b) => LEVEL_RANK[a.item.level] - LEVEL_RANK[b.item.level] || a.index - b.index)
    .slice(0, MAX_RESULTS_PER_RUN)
    .sort((a, b) => a.index - b.index);
  return { kept: chosen.map(({ item }) => item), omitted: located.length - MAX_RESULTS_PER_RUN };
}

/**
 * Rule, file and matched text (whitespace collapsed, secrets redacted), hashed; identical
 * results in one file are told apart by their order (`:1`, `:2` …). No line numbers.
 */
function fingerprint(located: Located[]): { item: Located; fingerprint: string }[] {
  const seen = new Map<string, number>();
  return located.map((item) => {
    const matched = redactSecrets(item.matched.replace(/\s+/g, ' ').trim());
    const hash = createHash('sha256').update(`${item.rule}\u0000${item.file}\u0000${matched}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { item, fingerprint: `${hash}:${occurrence}` };
  });
}

/** A relative URI: each path segment percent-encoded, `/` kept. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
