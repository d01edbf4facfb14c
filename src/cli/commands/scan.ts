import { Command, Option } from 'commander';
import { EXIT } from '../../core/errors.js';
import { configExcludes } from '../../config/files.js';
import { loadConfig } from '../../config/load.js';
import { SCAN_FORMATS } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { configOption, excludeOption, includeOption, noCacheOption, outOption, resolveTargets, rootOption, type PathOptions } from '../options.js';
import { emitReport, type OutputFlags } from '../output.js';
import { runInputs } from '../migrate-flags.js';
import { createScanProgress } from '../progress.js';
import { assertSeparateFiles } from '../separate-files.js';
import { addScopeOptions, resolveScope, type ScopeFlags } from '../scope.js';
import { resolveProviders } from '../../config/providers.js';
import { CONFIDENCES, type Confidence, type ScanResult, type SkipReason } from '../../core/types.js';

/** Skips that leave usage possibly unseen; minified bundles are build output, not code to migrate. */
const UNREAD_REASONS: ReadonlySet<SkipReason> = new Set(['unreadable', 'analysis-failed', 'parse-error', 'unsupported-script']);

interface ScanFlags extends PathOptions, OutputFlags, ScopeFlags {
  failOnFindings?: boolean;
  minConfidence: Confidence;
  config?: string;
}

export function scanCommand(ctx: CliContext): Command {
  const command = new Command('scan')
    .description('list every place the code depends on OpenAI (changes nothing)')
    .argument('[paths...]', 'files or folders to scan (default: the current folder)')
    .addOption(new Option('--format <format>', 'output format').choices(SCAN_FORMATS).default('text'))
    .addOption(outOption('report'))
    .option('--fail-on-findings', 'exit with 1 while OpenAI usage remains (not counting SDK use already migrated; a CI gate)')
    .addOption(new Option('--min-confidence <level>', 'leave out findings less sure than this').choices(CONFIDENCES).default('possible'))
    .addOption(includeOption())
    .addOption(excludeOption())
    .addOption(rootOption())
    .addOption(configOption())
    .addOption(noCacheOption());
  return addScopeOptions(command)
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], flags: ScanFlags) => {
      const { root, paths: targets } = resolveTargets(ctx.cwd, paths, flags.root);
      const [{ scanProject }, { markMigrated }] = await Promise.all([import('../../scan/scan.js'), import('../../scan/migrated.js')]);
      const started = ctx.now();
      // Only the file's include/exclude concern a scan; flags replace them.
      const { config, file } = await loadConfig({ cwd: ctx.cwd, root, file: flags.config });
      assertSeparateFiles(ctx.cwd, [{ by: '--out', file: flags.out }], runInputs(file, flags));
      const include = flags.include ?? config.include;
      const exclude = [...(flags.exclude ?? config.exclude ?? []), ...configExcludes(root, file, ctx.cwd)];
      const scope = await resolveScope(ctx, root, flags);
      const scanned = await scanProject({ root, paths: targets, include, exclude, cache: flags.cache !== false, onProgress: createScanProgress(ctx) });
      const marked = { ...scanned, findings: markMigrated(scanned.findings, resolveProviders(config, file)) };
      const limited = scope === undefined ? marked : (await import('../../scope/limit.js')).limitScan(marked, scope);
      const scan = keepConfidence(limited, flags.minConfidence);
      await emitReport(ctx, { scan }, flags, started);
      const remaining = scan.findings.filter((finding) => finding.migratedTo === undefined).length;
      if (flags.failOnFindings && remaining > 0) ctx.exitCode = EXIT.gate;
      // A file or folder that could not be read may hold usage, and so may a candidate (it
      // mentions OpenAI) that could not be parsed: the gate cannot pass over them.
      const unread = scan.skipped.filter((entry) => UNREAD_REASONS.has(entry.reason));
      if (flags.failOnFindings && unread.length > 0) {
        ctx.stderr.write(`error: --fail-on-findings cannot pass: ${unread.length} ${unread.length === 1 ? 'path' : 'paths'} could not be read or analysed (${unread.slice(0, 3).map((entry) => entry.file).join(', ')}${unread.length > 3 ? ', …' : ''})\n`);
        ctx.exitCode = EXIT.gate;
      }
    });
}

/** The scan without findings less sure than `min`; unchanged (and unmarked) for `possible`. */
function keepConfidence(scan: ScanResult, min: Confidence): ScanResult {
  if (min === 'possible') return scan;
  const rank = CONFIDENCES.indexOf(min);
  return { ...scan, findings: scan.findings.filter((finding) => CONFIDENCES.indexOf(finding.confidence) >= rank), minConfidence: min };
}
