import type { Command } from 'commander';
import { Option } from 'commander';
import { configExcludes } from '../config/files.js';
import { loadConfig } from '../config/load.js';
import { resolveProviders } from '../config/providers.js';
import { mergeSettings } from '../config/settings.js';
import { canonicalProviderId, getProviderOrThrow } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import type { PlanOptions } from '../plan/target.js';
import type { ScanOptions } from '../scan/scan.js';
import type { CliContext } from './context.js';
import type { FailOn } from './gate.js';
import { addScopeOptions, resolveScope, type ScopeFlags } from './scope.js';
import type { ProjectPlan } from '../plan/plan-project.js';
import type { Scope } from '../scope/limit.js';
import type { PlanView } from '../report/types.js';
import {
  baseUrlOption,
  configOption,
  excludeOption,
  includeOption,
  modelOption,
  noCacheOption,
  parseModelOverrides,
  regionOption,
  resolveTargets,
  rootOption,
  toOption,
  outOption,
  type PathOptions,
} from './options.js';
import { createScanProgress } from './progress.js';
import { assertSeparateFiles, type NamedFile } from './separate-files.js';
import { askProvider } from './prompt.js';
import type { Format } from '../report/index.js';
import type { OutputFlags } from './output.js';

/** Flags shared by `plan`, `apply` and `report`. */
export interface MigrateFlags extends PathOptions, OutputFlags, ScopeFlags {
  to?: string;
  region?: string;
  baseUrl?: string;
  model?: string[];
  config?: string;
  includeTests?: boolean;
  azureAuth?: 'key' | 'entra';
  /** Only `plan` and `report` have `--fail-on`; the configuration file's `failOn` fills it in. */
  failOn?: FailOn;
}

export function addMigrateOptions(command: Command, formats: Format[], defaultFormat: Format = 'text'): Command {
  command
    .argument('[paths...]', 'files or folders to migrate (default: the current folder)')
    .addOption(toOption())
    .addOption(regionOption())
    .addOption(baseUrlOption())
    .addOption(modelOption())
    .addOption(new Option('--format <format>', 'output format').choices(formats).default(defaultFormat))
    .addOption(outOption('output'))
    .addOption(includeOption())
    .addOption(excludeOption())
    .addOption(rootOption())
    .addOption(configOption())
    .addOption(noCacheOption())
    .option('--include-tests', 'also migrate test files, mocks and fixtures (left as written by default)')
    .addOption(new Option('--azure-auth <mode>', 'Azure only: authenticate with the key (default) or keyless with Microsoft Entra ID').choices(['key', 'entra']));
  return addScopeOptions(command).option('--no-color', 'never colour the output');
}

export interface MigrateSettings {
  scanOptions: ScanOptions;
  provider: Provider;
  planOptions: PlanOptions;
  /** `--fail-on`, else the configuration file's `failOn`. */
  failOn?: FailOn;
  /** `--changed-since` and `--baseline`. */
  scope?: Scope;
}

/** The files a command writes and reads besides the shared flags' (`--diff`, `--plan` …). */
export interface CommandFiles {
  outputs?: NamedFile[];
  inputs?: NamedFile[];
}

/**
 * Combines the configuration file and the shared flags (defaults < file < flags), prompting
 * for the provider on a terminal, into library options. Refuses outputs that collide with each
 * other or with a file the run reads.
 */
export async function resolveMigrateFlags(ctx: CliContext, paths: string[], flags: MigrateFlags, files: CommandFiles = {}): Promise<MigrateSettings> {
  const { root, paths: targets } = resolveTargets(ctx.cwd, paths, flags.root);
  const { config, file } = await loadConfig({ cwd: ctx.cwd, root, file: flags.config });
  assertSeparateFiles(ctx.cwd, [{ by: '--out', file: flags.out }, ...(files.outputs ?? [])], [...runInputs(file, flags), ...(files.inputs ?? [])]);
  const list = resolveProviders(config, file);
  // Aliases and case resolved first, so that `--to glm` and `"target": "zhipu"` agree.
  const canonical = (name: string | undefined) => (name === undefined ? undefined : (canonicalProviderId(name, list) ?? name));
  const to = canonical(flags.to);
  const target = canonical(config.target);
  const settings = mergeSettings(
    { ...config, ...(target !== undefined ? { target } : {}) },
    { ...flags, ...(to !== undefined ? { to } : {}), models: parseModelOverrides(flags.model) },
    file,
  );
  for (const note of settings.notes) ctx.stderr.write(`note: ${note}\n`);
  const provider = getProviderOrThrow(settings.target ?? (await askProvider(ctx, list)), list);
  const onProgress = createScanProgress(ctx);
  const scope = await resolveScope(ctx, root, flags);
  return {
    scanOptions: {
      root,
      paths: targets,
      include: settings.include,
      exclude: [...(settings.exclude ?? []), ...configExcludes(root, file, ctx.cwd)],
      cache: flags.cache !== false,
      ...(onProgress ? { onProgress } : {}),
    },
    provider,
    planOptions: { ...settings.planOptions, ...(flags.includeTests ? { includeTests: true } : {}), ...(flags.azureAuth ? { azureAuth: flags.azureAuth } : {}) },
    ...(settings.failOn !== undefined ? { failOn: settings.failOn } : {}),
    ...(scope !== undefined ? { scope } : {}),
  };
}

/** The files every command with `--config` and `--baseline` reads. */
export function runInputs(configFile: string | undefined, flags: { baseline?: string }): NamedFile[] {
  return [
    { by: `the configuration file ${configFile}`, file: configFile },
    { by: `the baseline ${flags.baseline}`, file: flags.baseline },
  ];
}

/**
 * The plan as reports show it: every manual action with a docs link (the target's page for
 * the region where the rule names none) and the Next steps for the target.
 */
export async function viewPlan({ provider, planOptions }: MigrateSettings, { scan, plan, changes }: ProjectPlan): Promise<PlanView> {
  const [{ resolveTarget }, { buildNextSteps, regionDocs }] = await Promise.all([import('../plan/target.js'), import('../report/next-steps.js')]);
  const target = resolveTarget(provider, planOptions);
  const region = planOptions.region ?? provider.defaultRegion;
  const docs = regionDocs(target, region);
  // Rules link the provider's main page; the region's own page (its language) replaces it.
  const manual = plan.manual.map((action) => (action.docs === undefined || action.docs === provider.docs ? { ...action, docs } : action));
  return { plan: { ...plan, manual }, providerName: provider.name, changes, nextSteps: buildNextSteps(scan, plan, target, region) };
}

/** Scans and plans the project (modules loaded on first use), limited to the scope of the flags. */
export async function planInScope({ scanOptions, provider, planOptions, scope }: MigrateSettings): Promise<ProjectPlan> {
  const { planProject } = await import('../plan/plan-project.js');
  const project = await planProject(scanOptions, provider, planOptions);
  if (scope === undefined) return project;
  const { limitPlan } = await import('../scope/limit.js');
  return limitPlan(project, scope);
}
