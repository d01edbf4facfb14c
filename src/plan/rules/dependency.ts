import path from 'node:path';
import type { Finding, ManualAction } from '../../core/types.js';
import { manual, NOTHING, result, type Rule, type RuleContext } from './types.js';

/** What the rule knows about each SDK: where its legacy line ends and when APIs arrived. */
interface SdkFacts {
  /** Majors below this are the legacy SDK. */
  legacyBelow: number;
  legacy: (version: string, provider: string) => string;
  legacyDocs: string;
  /** The release that added an API the code may call. */
  apiSince: { api: RegExp; since: string }[];
  /** The languages whose calls the manifest's SDK serves. */
  languages: ReadonlySet<string>;
  require: (since: string) => string;
}

const NPM: SdkFacts = {
  legacyBelow: 4,
  legacy: (version, provider) => `openai ${version} is the v3 SDK, which is unmaintained: upgrade to openai v4+ to use ${provider} reliably`,
  legacyDocs: 'https://github.com/openai/openai-node/discussions/217',
  // openai/openai-node CHANGELOG.md
  apiSince: [
    // 4.55.0: "add structured outputs support"
    { api: /^beta\.chat\.completions\.parse$/, since: '4.55.0' },
    // 4.87.0: "add /v1/responses and built-in tools"
    { api: /^responses\./, since: '4.87.0' },
    // 5.0.0: "promote beta completions methods to GA"
    { api: /^chat\.completions\.(?:parse|stream|runTools)$/, since: '5.0.0' },
  ],
  languages: new Set(['ts', 'js']),
  require: (since) => `openai ^${since}`,
};

const PYPI: SdkFacts = {
  legacyBelow: 1,
  legacy: (version, provider) =>
    `openai ${version} is the pre-1.0 Python SDK (openai.ChatCompletion…), which 1.0 removed: upgrade to openai>=1 to use ${provider} reliably`,
  legacyDocs: 'https://github.com/openai/openai-python/discussions/742',
  // openai/openai-python CHANGELOG.md
  apiSince: [
    // 1.40.0: structured outputs, `beta.chat.completions.parse`
    { api: /^beta\.chat\.completions\.parse$/, since: '1.40.0' },
    // 1.66.0: the Responses API
    { api: /^responses\./, since: '1.66.0' },
    // 1.92.0: `parse`/`stream` moved from `beta.chat.completions` to `chat.completions`
    { api: /^chat\.completions\.(?:parse|stream)$/, since: '1.92.0' },
  ],
  languages: new Set(['python']),
  require: (since) => `openai>=${since}`,
};

/**
 * The `openai` dependency of a package.json or a Python manifest: a range that allows the
 * legacy SDK (npm v3, Python 0.x) is `legacy-sdk`; one that allows a release older than an
 * API called in the package's files is `outdated-sdk`. Framework packages are only reported;
 * their imports and constructors are migrated in code.
 */
export const planDependency: Rule = (finding, ctx) => {
  if (finding.api !== 'openai' || finding.version === undefined) return NOTHING;
  const lowest = lowestVersion(finding.version);
  if (lowest === undefined) return NOTHING;
  const sdk = finding.detail?.dependency?.ecosystem === 'pypi' ? PYPI : NPM;
  if (lowest[0]! < sdk.legacyBelow) {
    return result([], [manual(finding, 'warning', 'legacy-sdk', sdk.legacy(finding.version, ctx.target.provider.name), sdk.legacyDocs)]);
  }
  const folder = path.posix.dirname(finding.file);
  const calls = ctx.projectFindings.filter(
    (f) => f.kind === 'api-call' && f.api !== undefined && sdk.languages.has(f.language) && (folder === '.' || f.file.startsWith(`${folder}/`)),
  );
  const actions: ManualAction[] = entraActions(finding, lowest, sdk, ctx);
  for (const { api, since } of sdk.apiSince) {
    const call = calls.find((c) => api.test(c.api!));
    if (call === undefined || compareVersions(lowest, lowestVersion(since)!) >= 0) continue;
    actions.push(
      manual(finding, 'warning', 'outdated-sdk', `openai ${finding.version} allows releases older than ${since}, which lack ${call.api} (called in ${call.file}:${call.span.line}): require ${sdk.require(since)} or later`),
    );
  }
  return result([], actions);
};

/** openai-node 5.18.0: "support api key provider functions", which keyless Entra ID passes as `apiKey`. */
const API_KEY_PROVIDER_SINCE = '5.18.0';

/** `--azure-auth entra`: the SDK must take a token provider, and the project needs Azure Identity. */
function entraActions(finding: Finding, lowest: number[], sdk: SdkFacts, ctx: RuleContext): ManualAction[] {
  if (ctx.target.entraScope === undefined || sdk !== NPM) return [];
  const actions = [manual(finding, 'info', 'add-azure-identity', 'keyless Entra ID imports @azure/identity: add it to the dependencies (`npm install @azure/identity`) unless it is there already')];
  if (ctx.target.azureClient === undefined && compareVersions(lowest, lowestVersion(API_KEY_PROVIDER_SINCE)!) < 0) {
    actions.push(manual(finding, 'warning', 'outdated-sdk', `openai ${finding.version} allows releases older than ${API_KEY_PROVIDER_SINCE}, which take no token provider as apiKey (keyless Entra ID): require ${sdk.require(API_KEY_PROVIDER_SINCE)} or later`));
  }
  return actions;
}

/** The lowest version a range allows (`^4.20.0`, `~4.20`, `>=4 <5`, `4.x`, `==0.28.1`, `~=1.30`); undefined for tags, URLs, `*`. */
function lowestVersion(range: string): number[] | undefined {
  const match = /^\s*(?:={2,3}|~=|[\^~=]|>=?)?\s*v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?/i.exec(range);
  if (match === null) return undefined;
  return [match[1], match[2], match[3]].map((part) => (part !== undefined && /^\d+$/.test(part) ? Number(part) : 0));
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
