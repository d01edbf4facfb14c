import type { Finding, Plan, ScanResult } from '../core/types.js';
import type { MigrationTarget } from '../plan/target.js';
import { isTestFile } from '../plan/test-files.js';
import { shortName } from './wrap.js';

/**
 * What the user does after the code is migrated, from the provider's data and the plan: the
 * variables to set and where to get a key, the OpenAI secrets to remove, what to create on
 * the provider for the models, and the documentation for the region.
 */
export interface NextSteps {
  provider: string;
  region: string;
  /** Variables the migrated code reads, each with what it holds. */
  variables: { name: string; holds: string }[];
  /** Some are read through SvelteKit's `$env/static` modules, which inline them when the app is built. */
  isReadAtBuild: boolean;
  /** Where to create a key for this region. */
  keyPage?: string;
  /** Other regions of the provider: their keys do not work on this region's endpoint. */
  otherRegions: string[];
  /** OpenAI variables the project sets or reads, to delete from CI and hosting once migrated. */
  openaiSecrets: string[];
  /** What to create on the provider for the models the migrated code sends, and where. */
  modelSetup?: { action: string; page: string; models: string[] };
  /** Documentation for the region: the provider's, or its page in the region's language. */
  docs: string;
}

export function buildNextSteps(scan: Pick<ScanResult, 'findings'>, plan: Plan, target: MigrationTarget, region: string): NextSteps {
  const { provider } = target;
  const known = [{ name: target.keyVar, holds: `the ${shortName(provider.name)} API key` }];
  // A placeholder that starts the URL holds a whole endpoint (`{endpoint}/openai/v1`), others a name inside it.
  for (const [placeholder, name] of Object.entries(provider.urlVariables ?? {})) {
    if (!known.some((variable) => variable.name === name)) known.push({ name, holds: target.baseUrl.startsWith(`{${placeholder}}`) ? 'the endpoint URL' : 'the resource name in the base URL' });
  }
  if (target.azureClient && !known.some((variable) => variable.name === target.azureClient!.endpointEnv)) known.push({ name: target.azureClient.endpointEnv, holds: 'the endpoint URL' });
  // Only what the migrated code reads: no key when keyless Entra ID took its place.
  const reads = plan.environment && new Set(plan.environment.map((variable) => variable.name));
  const variables = reads ? known.filter((variable) => reads.has(variable.name)) : known;
  const readsKey = variables.some((variable) => variable.name === target.keyVar);
  const secrets = new Set(['OPENAI_API_KEY']);
  for (const finding of scan.findings) {
    if (finding.kind === 'env-var' && finding.name !== undefined && /^OPENAI_/.test(finding.name)) secrets.add(finding.name);
  }
  for (const name of stillRead(scan, plan)) secrets.delete(name);
  const models = new Set<string>();
  for (const resolution of plan.resolutions) if (resolution.model?.kind === 'mapped') models.add(resolution.model.id);
  // Deployments the configuration file names already exist.
  for (const existing of Object.values(target.deployments)) models.delete(existing);
  return {
    provider: provider.name,
    region,
    variables,
    isReadAtBuild: scan.findings.some((finding, index) => finding.detail?.envImport !== undefined && plan.resolutions[index]?.status === 'rewritten'),
    ...(readsKey && provider.keyPages?.[region] !== undefined ? { keyPage: provider.keyPages[region] } : {}),
    otherRegions: provider.clientStyle === 'azure' ? [] : Object.keys(provider.baseUrls).filter((other) => other !== region),
    openaiSecrets: [...secrets].sort(),
    ...(provider.modelSetup && models.size > 0 ? { modelSetup: { ...provider.modelSetup, models: [...models].sort() } } : {}),
    docs: regionDocs(target, region),
  };
}

/** Languages whose env reads are code that runs after the migration (not settings files). */
const CODE_LANGUAGES = new Set(['ts', 'js', 'python']);

/**
 * OpenAI variables the migrated app still reads: reads in code the plan leaves as written, and
 * OPENAI_API_KEY for an SDK client left on OpenAI (it reads the key by itself). Test code is
 * not the app.
 */
function stillRead(scan: Pick<ScanResult, 'findings'>, plan: Plan): Set<string> {
  const names = new Set<string>();
  // Only an edit of the finding's own text counts: not an insertion where it ends (a name added after an imported one).
  const isEdited = ({ file, span }: Finding) =>
    plan.edits.some((edit) => edit.file === file && (edit.start === edit.end ? span.start < edit.start && edit.start < span.end : edit.start < span.end && span.start < edit.end));
  scan.findings.forEach((finding, index) => {
    if (plan.resolutions[index]?.status === 'rewritten' || !CODE_LANGUAGES.has(finding.language) || isTestFile(finding.file) || isEdited(finding)) return;
    if (finding.kind === 'env-var' && finding.name !== undefined) names.add(finding.name);
    if (finding.kind === 'client') names.add('OPENAI_API_KEY');
  });
  return names;
}

export function regionDocs(target: MigrationTarget, region: string): string {
  return target.provider.regionDocs?.[region] ?? target.provider.docs;
}

/** The steps as sentences, shared by the text and Markdown reports; `link` formats a URL. */
export function describeNextSteps(steps: NextSteps, link: (url: string) => string, code: (text: string) => string): string[] {
  const set = steps.variables.map((variable) => `${code(variable.name)} (${variable.holds})`).join(', ');
  const key = steps.keyPage === undefined ? '' : ` Get a key at ${link(steps.keyPage)}.`;
  const regions =
    steps.otherRegions.length === 0
      ? ''
      : ` The key must come from region ${code(steps.region)}: a key of ${steps.otherRegions.map(code).join(', ')} does not work on this endpoint.`;
  const where = steps.isReadAtBuild ? `wherever the code runs and where it is built (SvelteKit's ${code('$env/static')} modules inline them at build time)` : 'wherever the code runs';
  const lines = [`Set ${set} ${where}: local shells and .env files, CI secrets, hosting.${key}${regions}`];
  if (steps.modelSetup) lines.push(`On ${shortName(steps.provider)}, ${steps.modelSetup.action}: ${steps.modelSetup.models.map(code).join(', ')} (${link(steps.modelSetup.page)}).`);
  if (steps.openaiSecrets.length > 0) lines.push(`Once the migrated code is deployed, delete the OpenAI secrets it no longer reads from CI and hosting: ${steps.openaiSecrets.map(code).join(', ')}.`);
  lines.push(`Documentation: ${link(steps.docs)}`);
  return lines;
}
