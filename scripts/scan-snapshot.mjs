// Proves that a change to the scan's machinery changes no finding: records what the built CLI
// finds in every fixture and every benchmark tree, then compares two such records.
//
//   node scripts/scan-snapshot.mjs save before.json      (on the old build)
//   node scripts/scan-snapshot.mjs save after.json       (on the new build)
//   node scripts/scan-snapshot.mjs compare before.json after.json
//
// `compare` exits 1 when any finding differs; differences in the skipped list are printed but
// do not fail (a new skip reason is a change to review, not necessarily a lost finding).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(PROJECT, 'bin', 'migrate-openai.js');
const run = promisify(execFile);

/** Every fixture's input (or the fixture itself when it has no input folder) and every benchmark tree. */
function listCases() {
  const cases = [];
  const fixtures = path.join(PROJECT, 'fixtures');
  for (const name of readdirSync(fixtures).sort()) {
    const input = path.join(fixtures, name, 'input');
    cases.push({ name: `fixtures/${name}`, dir: existsSync(input) ? input : path.join(fixtures, name) });
  }
  const trees = path.join(PROJECT, 'bench', 'trees');
  if (existsSync(trees)) {
    for (const entry of readdirSync(trees, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) cases.push({ name: `bench/trees/${entry.name}`, dir: path.join(trees, entry.name) });
    }
  }
  return cases;
}

async function scanCase({ dir }) {
  // Exit code 1 cannot happen without --fail-on-findings; anything but 0 is reported as is.
  const { stdout } = await run(process.execPath, [CLI, 'scan', dir, '--format', 'json'], { maxBuffer: 1 << 30 });
  const { findings, skipped } = JSON.parse(stdout);
  return { findings, skipped };
}

async function save(file) {
  const record = {};
  for (const item of listCases()) {
    record[item.name] = await scanCase(item);
    process.stdout.write(`${item.name}: ${record[item.name].findings.length} findings, ${record[item.name].skipped.length} skipped\n`);
  }
  await writeFile(file, `${JSON.stringify(record)}\n`);
}

function differences(before, after) {
  const key = (item) => JSON.stringify(item);
  const was = new Set(before.map(key));
  const is = new Set(after.map(key));
  return { lost: [...was].filter((item) => !is.has(item)), gained: [...is].filter((item) => !was.has(item)) };
}

async function compare(beforeFile, afterFile) {
  const [before, after] = await Promise.all([beforeFile, afterFile].map(async (file) => JSON.parse(await readFile(file, 'utf8'))));
  let changed = 0;
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (!before[name] || !after[name]) {
      process.stdout.write(`${name}: only in ${before[name] ? beforeFile : afterFile}\n`);
      continue;
    }
    const findings = differences(before[name].findings, after[name].findings);
    const skipped = differences(before[name].skipped, after[name].skipped);
    const same = findings.lost.length === 0 && findings.gained.length === 0;
    if (!same) changed++;
    process.stdout.write(`${same ? 'same   ' : 'CHANGED'} ${name}: ${after[name].findings.length} findings\n`);
    for (const item of findings.lost) process.stdout.write(`  - finding ${item}\n`);
    for (const item of findings.gained) process.stdout.write(`  + finding ${item}\n`);
    for (const item of skipped.lost) process.stdout.write(`  - skipped ${item}\n`);
    for (const item of skipped.gained) process.stdout.write(`  + skipped ${item}\n`);
  }
  process.stdout.write(changed === 0 ? 'no finding changed\n' : `${changed} case(s) with changed findings\n`);
  return changed === 0 ? 0 : 1;
}

const [command, ...files] = process.argv.slice(2);
if (command === 'save' && files.length === 1) await save(files[0]);
else if (command === 'compare' && files.length === 2) process.exitCode = await compare(files[0], files[1]);
else {
  process.stderr.write('usage: node scripts/scan-snapshot.mjs save <file> | compare <before> <after>\n');
  process.exitCode = 2;
}
