// Recall and false positives of `scan` on fixtures/apps/*: `npm run recall`. Needs a build.
//
//   node scripts/recall.mjs [--dist <dir>] [--min-confidence certain|likely|possible] [--verbose]
//
// `--dist` measures another build (say, of the main branch) against the same labels.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatResults, listApps, measureApp } from './recall-measure.mjs';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APPS = path.join(PROJECT, 'fixtures', 'apps');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const dist = path.resolve(option('--dist', path.join(PROJECT, 'dist')));
const minConfidence = option('--min-confidence', 'possible');
const { scanProject } = await import(pathToFileURL(path.join(dist, 'scan', 'scan.js')).href);

const results = [];
for (const app of listApps(APPS)) results.push(await measureApp(scanProject, path.join(APPS, app), minConfidence));
console.log(formatResults(results));
if (args.includes('--verbose')) {
  for (const r of results) {
    for (const line of r.missed) console.log(`missed  ${r.app}/${line}`);
    for (const line of r.falsePositives) console.log(`false   ${r.app}/${line}`);
  }
}
