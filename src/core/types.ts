/** What a finding is about. Stable identifiers: they appear in JSON, SARIF and the README. */
export type FindingKind =
  | 'import'
  | 'client'
  | 'api-call'
  | 'model'
  | 'env-var'
  | 'base-url'
  | 'api-key'
  | 'framework';

export const FINDING_KINDS: readonly FindingKind[] = [
  'import',
  'client',
  'api-call',
  'model',
  'env-var',
  'base-url',
  'api-key',
  'framework',
];

/**
 * How sure a finding is: `certain` when its binding to an OpenAI import (or an OpenAI name or
 * URL) is proven; `likely` for distinctive SDK chains on receivers nothing resolves, values in
 * a model-named place and generic names that flow into an OpenAI request; `possible` otherwise.
 */
export type Confidence = 'certain' | 'likely' | 'possible';

/** From least to most sure. */
export const CONFIDENCES: readonly Confidence[] = ['possible', 'likely', 'certain'];

/** A range of the file's text as read (UTF-16 offsets), with the 1-based line and column of `start`. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** A half-open text range `[start, end)`, offsets into the file's text as read. */
export interface Range {
  start: number;
  end: number;
}

/**
 * One property of an object literal passed to a client constructor or an API call, as the
 * planner needs it: where it is and what its value is, without the planner re-parsing.
 */
export interface PropertyInfo {
  name: string;
  /** `{ baseURL }`: the name is the value, so a new value replaces the whole property. */
  isShorthand?: boolean;
  /** The whole property (`key: value`), without the separating comma. */
  range: Range;
  value: ValueInfo;
}

export type ValueInfo =
  | { kind: 'string'; range: Range; text: string; value: string }
  | { kind: 'number'; range: Range; text: string; value: number }
  /** `isImported`: read through a SvelteKit `$env/static/*` import, which the env-var rule renames. */
  /** `hasEmptyFallback`: written `X ?? ''` (or `|| ''`), so an unset variable is an empty string. */
  | { kind: 'env'; range: Range; text: string; name: string; isImported?: boolean; hasEmptyFallback?: boolean }
  /** A nested object literal (LangChain's `configuration: { baseURL }`). */
  | { kind: 'object'; range: Range; text: string; object: Extract<ArgumentInfo, { kind: 'object' }> }
  | { kind: 'other'; range: Range; text: string };

/** The first argument of a `new OpenAI(…)` or `client.x.create(…)` call. */
export type ArgumentInfo =
  /** No argument at all: `range` is the empty range just inside the parentheses. */
  | { kind: 'none'; range: Range }
  | {
      kind: 'object';
      /** From `{` to `}` inclusive. */
      range: Range;
      properties: PropertyInfo[];
      /** Indentation of the properties when the literal spans several lines, else null. */
      propertyIndent: string | null;
      hasTrailingComma: boolean;
      /** End of the last element (property or spread), or null when the object is empty. */
      lastElementEnd: number | null;
      /** End of the element list: after the trailing comma when there is one. */
      listEnd: number;
      /** The object has spreads or computed keys, so its full content is unknown. */
      isOpen: boolean;
    }
  | { kind: 'other'; range: Range; text: string };

/** One place where the code depends on OpenAI. */
export interface Finding {
  /** Relative to the scan root, forward slashes. */
  file: string;
  /** 'ts' | 'js' | 'env' | 'yaml' | 'json' … */
  language: string;
  kind: FindingKind;
  /** Full API path, e.g. 'chat.completions.create'; for imports the module specifier. */
  api?: string;
  /** Model id, e.g. 'gpt-4o-mini'. */
  model?: string;
  /** Environment variable name for env-var findings. */
  name?: string;
  /** For dependencies declared in package.json: the version range as written, e.g. '^4.20.0'. */
  version?: string;
  /**
   * For client findings, what is constructed: 'OpenAI' | 'AzureOpenAI' | 'Configuration' |
   * 'OpenAIApi', or a framework's 'ChatOpenAI' | 'OpenAIEmbeddings' | 'LangChainOpenAI' |
   * 'AzureChatOpenAI' | 'AzureOpenAIEmbeddings' | 'LlamaIndexOpenAI' | 'OpenAIEmbedding' | 'createOpenAI'.
   */
  symbol?: string;
  span: Span;
  /** The source line, secrets redacted. */
  snippet: string;
  confidence: Confidence;
  /**
   * Set by `scan` on usage of the OpenAI SDK or a framework that already talks to this provider
   * (a client pointed at its base URL with its key): it no longer counts as OpenAI usage.
   */
  migratedTo?: string;
  /** For findings in a Jupyter notebook: the cell (1-based among all cells) and the line in that cell. */
  cell?: { index: number; line: number };
  /** Planner input that is not part of the public output. */
  detail?: FindingDetail;
}

/** Structural facts a frontend records so that planner rules stay pure functions of findings. */
export interface FindingDetail {
  /** The constructor / callee identifier (client findings; AI SDK provider calls). */
  callee?: Range;
  /** First argument of a constructor or API call. */
  argument?: ArgumentInfo;
  /** The literal's content without quotes (model, base-url and api-key findings). */
  literal?: Range;
  /** The whole literal with its quotes (api-key findings). */
  expression?: Range;
  /** The variable name inside an env access (`OPENAI_API_KEY` in `process.env.OPENAI_API_KEY`). */
  nameRange?: Range;
  /** For API calls: the client construction the call goes through (its finding's file and start). */
  client?: { file: string; start: number };
  /**
   * For API calls: where the model ids the call sends are written (model findings' file and
   * start), when the frontend follows them there; a model id written elsewhere is matched by its value.
   */
  models?: { file: string; start: number }[];
  /** For API calls written as a REST path after a base held elsewhere (`${API}/containers`): a raw request. */
  isRestPath?: boolean;
  /**
   * For a variable imported from SvelteKit's `$env/static/*`: its local name and the file's uses
   * of it; `isPlain` when a rename of the name can follow each use (no `{ KEY }` shorthand, no
   * export), `isClientOption` when every use is the value of a client option.
   */
  envImport?: { local: string; uses: Range[]; isPlain: boolean; isClientOption?: boolean };
  /** For env reads in a file that imports SvelteKit's private `$env` modules: how migrated code there reads a variable. */
  privateEnv?: PrivateEnv;
  /** The env read is the value of this client option ('apiKey', 'baseURL' …). */
  clientOption?: string;
  /**
   * An env-var finding whose name says nothing of OpenAI (`BASE_URL`): it stands only where
   * code is seen to use the variable for OpenAI.
   */
  isGenericName?: boolean;
  /** For env-var findings: a test that the variable is set (`'X' in process.env`), which sends nothing anywhere. */
  isCheck?: boolean;
  /** For import findings: the import names ('default' for a default import) and their ranges. */
  importedNames?: { name: string; range: Range; local?: string; specifier?: Range }[];
  /** For import findings: where the file's last top-level import declaration ends. */
  importsEnd?: number;
  /** For import findings: `export … from`, which binds no local name. */
  isReExport?: boolean;
  /** For import findings: `import type …`, which binds no value. */
  isTypeOnly?: boolean;
  /**
   * For client findings, how the class name is bound: an ESM `import`, a member of a
   * namespace (`sdk.OpenAI`), or anything else (`require`, dynamic import).
   */
  binding?: 'import' | 'member' | 'other';
  /** For findings in settings files (.env, YAML, JSON): the entry the finding belongs to. */
  entry?: SettingEntry;
  /** For dependencies declared in package.json. */
  dependency?: DependencyInfo;
  /** For Python import findings: where the file's first top-level import statement starts. */
  importsStart?: number;
  /** For Python import findings: the modules the file imports whole at top level (`import os` → 'os'). */
  moduleImports?: string[];
  /** For Python `AsyncOpenAI` / `AsyncAzureOpenAI` clients. */
  isAsync?: boolean;
  /** For Python module-level client settings (`openai.api_key = …`): the attribute and its value. */
  setting?: { name: string; value: ValueInfo };
  /** For Python v0 module calls (`openai.ChatCompletion.create(…)`), which v1 removed. */
  isLegacy?: boolean;
}

/**
 * How a SvelteKit server module reads its variables: `$env/dynamic/private`'s `env` under its local
 * name (`env.NAME`), or the names of its `$env/static/private` import, which end at `namesEnd`
 * (another one is imported there).
 */
export type PrivateEnv = { object: string } | { namesEnd: number; names: string[] };

/**
 * One `NAME=value` / `name: value` entry of a settings file. Rules edit the name or the value
 * in place and never the layout around them.
 */
export interface SettingEntry {
  /** The name as written, without quotes. */
  name: Range;
  /** The value's characters without quotes; absent unless the value is a string written verbatim (no escapes, no folding). */
  value?: Range;
  /**
   * `empty` (no value, or not a string), `placeholder` (`your-key-here`, `<key>`, `sk-...`),
   * `reference` (`${X}`, `${{ secrets.X }}`, `$(X)`) or `literal`.
   */
  valueKind: 'empty' | 'placeholder' | 'reference' | 'literal';
  /** What writes an empty string in place of `value`: nothing, or `""` for a plain YAML scalar. */
  emptyText: string;
}

/** A declared dependency (its version range is the finding's `version`). */
export interface DependencyInfo {
  /** `dependencies`, `devDependencies`, `peerDependencies` or `optionalDependencies`; for Python manifests the table or list (`project.dependencies`, `tool.poetry.dependencies`, `requirements`). */
  section: string;
  /** `pypi` for Python manifests (requirements files, pyproject.toml, Pipfile, setup.cfg); npm otherwise. */
  ecosystem?: 'pypi';
}

/** A file the scan looked at but could not read or parse. */
export interface SkippedFile {
  file: string;
  reason: SkipReason;
  message: string;
}

export type SkipReason = 'parse-error' | 'analysis-failed' | 'unsupported-script' | 'unreadable' | 'binary' | 'too-large' | 'not-utf8' | 'minified' | 'symlink-outside-root';

export interface ScanStats {
  discovered: number;
  candidates: number;
  parsed: number;
  skipped: number;
}

export interface ScanResult {
  /** Absolute path of the scan root. */
  root: string;
  findings: Finding[];
  skipped: SkippedFile[];
  stats: ScanStats;
  /** The text of every file with findings, keyed by relative path, as read (for planning and diffs). */
  texts: Map<string, string>;
  /** Candidates whose results came from the result cache, unchanged since an earlier run. */
  reused?: number;
  /** Set when findings below this confidence were left out (`scan --min-confidence`). */
  minConfidence?: Confidence;
}

/** A text splice. Edits for one file never overlap. */
export interface Edit {
  file: string;
  start: number;
  end: number;
  text: string;
  reason: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A line of code a manual action is about. */
export interface CallSite {
  file: string;
  line: number;
}

/** Something the tool will not change by itself, with the reason and the provider's alternative. */
export interface ManualAction {
  file: string;
  line: number;
  severity: Severity;
  /** Stable kebab-case id: 'unsupported-api', 'unknown-model', 'hardcoded-key' … */
  code: string;
  message: string;
  docs?: string;
  /** Every place the action covers when there are several (one deployment for many calls); else just `file:line`. */
  callSites?: CallSite[];
}

export interface Plan {
  target: string;
  edits: Edit[];
  manual: ManualAction[];
  /** The environment variables the migrated code reads, with what to put in each. */
  environment?: { name: string; note: string }[];
  /** What the plan does about each finding: `resolutions[i]` is about the planner's `findings[i]`. */
  resolutions: FindingResolution[];
}

/**
 * What the plan does about one finding, for reports:
 * - `rewritten`: the plan changes the finding's text and leaves it no manual action;
 * - `manual`: its rule left at least one manual action (with or without edits);
 * - `unchanged`: nothing to change, e.g. an `openai` import or a call the target supports.
 */
export interface FindingResolution {
  status: 'rewritten' | 'manual' | 'unchanged';
  /** Model findings the model rule resolved: how the id maps on the target. */
  model?: ModelResolution;
  /** API-call findings: the APIs and request parameters the target lacks or only partly supports. */
  gaps?: CapabilityGap[];
}

/** An OpenAI model id on the target: the id the plan writes, already the target's, none, or unknown. */
export type ModelResolution = { kind: 'mapped'; id: string } | { kind: 'already-target' } | { kind: 'none' } | { kind: 'unknown' };

/** One OpenAI API or request parameter a call uses that the target does not fully support. */
export interface CapabilityGap {
  kind: 'api' | 'parameter';
  /** The API path (`images.generate`) or the parameter name (`temperature`). */
  name: string;
  support: 'partial' | 'unsupported' | 'unknown';
  /** The provider's note: what differs, and its alternative where it has one. */
  note: string;
}
