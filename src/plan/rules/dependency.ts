import path from 'node:path';
import type { ManualAction } from '../../core/types.js';
import { manual, NOTHING, result, type Rule } from './types.js';

/** The openai SDK release that added an API the code may call (openai/openai-node CHANGELOG.md). */
const API_SINCE: { api: RegExp; since: string }[] = [
  // 4.55.0: "add structured outputs support"
  { api: /^beta\.chat\.completions\.parse$/, since: '4.55.0' },
  // 4.87.0: "add /v1/responses and built-in tools"
  { api: /^responses\./, since: '4.87.0' },
  // 5.0.0: "promote beta completions methods to GA"
  { api: /^chat\.completions\.(?:parse|stream|runTools)$/, since: '5.0.0' },
];

/**
 * The `openai` dependency of a package.json: a range that allows the v3 SDK is `legacy-sdk`;
 * one that allows a release older than an API called in the package's files is `outdated-sdk`.
 * Framework packages are only reported; their imports and constructors are migrated in code.
 */
export const planDependency: Rule = (finding, ctx) => {
  if (finding.api !== 'openai' || finding.version === undefined) return NOTHING;
  const lowest = lowestVersion(finding.version);
  if (lowest === undefined) return NOTHING;
  if (lowest[0]! < 4) {
    return result([], [
      manual(finding, 'warning', 'legacy-sdk', `openai ${finding.version} is the v3 SDK, which is unmaintained: upgrade to openai v4+ to use ${ctx.target.provider.name} reliably`, 'https://github.com/openai/openai-node/discussions/217'),
    ]);
  }
  const folder = path.posix.dirname(finding.file);
  const calls = ctx.projectFindings.filter((f) => f.kind === 'api-call' && f.api !== undefined && (folder === '.' || f.file.startsWith(`${folder}/`)));
  const actions: ManualAction[] = [];
  for (const { api, since } of API_SINCE) {
    const call = calls.find((c) => api.test(c.api!));
    if (call === undefined || compareVersions(lowest, lowestVersion(since)!) >= 0) continue;
    actions.push(
      manual(finding, 'warning', 'outdated-sdk', `openai ${finding.version} allows releases older than ${since}, which lack ${call.api} (called in ${call.file}:${call.span.line}): require openai ^${since} or later`),
    );
  }
  return result([], actions);
};

/** The lowest version a range allows (`^4.20.0`, `~4.20`, `>=4 <5`, `4.x`); undefined for tags, URLs, `*`. */
function lowestVersion(range: string): number[] | undefined {
  const match = /^\s*(?:[\^~=]|>=?)?\s*v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?/i.exec(range);
  if (match === null) return undefined;
  return [match[1], match[2], match[3]].map((part) => (part !== undefined && /^\d+$/.test(part) ? Number(part) : 0));
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
