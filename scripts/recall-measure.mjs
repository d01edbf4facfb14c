// Recall and false positives of `scan` on the realistic apps in fixtures/apps/, measured
// against each app's labels.json (written before the scanner was run on the app).
//
// A label names a line by a piece of its text (`at`) and the finding kind expected there:
// - `find`: the scan must report a finding of that kind on that line (recall);
// - `optional`: a finding there, of any kind, is neither required nor a false positive;
// - `ignore`: a hard negative; any finding there is a false positive (and counted apart).
// Every other finding whose line and kind no label names is a false positive too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The apps under `appsDir`, each with `labels.json` and the app in `project/` (or `input/` when it is also a golden fixture). */
export function listApps(appsDir) {
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** 1-based line numbers of `file` whose text contains `at`. */
function linesContaining(projectDir, file, at) {
  const text = readFileSync(path.join(projectDir, file), 'utf8');
  const lines = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.includes(at)) lines.push(index + 1);
  });
  return lines;
}

function resolveLabels(projectDir, labels) {
  const resolve = (label, mustBeUnique) => {
    const lines = linesContaining(projectDir, label.file, label.at);
    if (lines.length === 0 || (mustBeUnique && lines.length > 1)) {
      throw new Error(`label ${label.file} "${label.at}" matches ${lines.length} lines`);
    }
    return lines.map((line) => ({ ...label, line }));
  };
  return {
    find: labels.find.flatMap((label) => resolve(label, true)),
    optional: (labels.optional ?? []).flatMap((label) => resolve(label, false)),
    ignore: (labels.ignore ?? []).flatMap((label) => resolve(label, false)),
  };
}

const RANK = { certain: 3, likely: 2, possible: 1 };

/**
 * Scans one app with `scanProject` (from src or a build) and compares with its labels.
 * `minConfidence` keeps only findings at or above that level, as `--min-confidence` does.
 */
export async function measureApp(scanProject, appDir, minConfidence = 'possible') {
  const projectDir = path.join(appDir, existsSync(path.join(appDir, 'input')) ? 'input' : 'project');
  const labels = resolveLabels(projectDir, JSON.parse(readFileSync(path.join(appDir, 'labels.json'), 'utf8')));
  const scan = await scanProject({ root: projectDir, paths: [projectDir] });
  const findings = scan.findings.filter((f) => RANK[f.confidence] >= RANK[minConfidence]);
  const at = (file, line) => (f) => f.file === file && f.span.line === line;

  const missed = labels.find.filter((label) => !findings.some((f) => at(label.file, label.line)(f) && f.kind === label.kind));
  const falsePositives = findings.filter(
    (f) =>
      !labels.find.some((label) => at(label.file, label.line)(f) && label.kind === f.kind) &&
      !labels.optional.some((label) => at(label.file, label.line)(f)),
  );
  const hardNegatives = falsePositives.filter((f) => labels.ignore.some((label) => at(label.file, label.line)(f)));
  return {
    app: path.basename(appDir),
    labelled: labels.find.length,
    found: labels.find.length - missed.length,
    missed: missed.map((label) => `${label.file}:${label.line} ${label.kind} (${label.at})`),
    reported: findings.length,
    falsePositives: falsePositives.map((f) => `${f.file}:${f.span.line} ${f.kind} ${f.confidence}: ${f.snippet}`),
    hardNegatives: hardNegatives.map((f) => `${f.file}:${f.span.line} ${f.kind} ${f.confidence}: ${f.snippet}`),
  };
}

/** A plain-text table of the results, one row per app and a total. */
export function formatResults(results) {
  const rows = [['app', 'recall', 'false positives', 'of them hard negatives', 'findings']];
  const total = { labelled: 0, found: 0, fp: 0, hard: 0, reported: 0 };
  for (const r of results) {
    rows.push([r.app, `${r.found}/${r.labelled} (${percent(r.found, r.labelled)})`, String(r.falsePositives.length), String(r.hardNegatives.length), String(r.reported)]);
    total.labelled += r.labelled;
    total.found += r.found;
    total.fp += r.falsePositives.length;
    total.hard += r.hardNegatives.length;
    total.reported += r.reported;
  }
  rows.push(['total', `${total.found}/${total.labelled} (${percent(total.found, total.labelled)})`, String(total.fp), String(total.hard), String(total.reported)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

function percent(part, whole) {
  return `${whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10}%`;
}
