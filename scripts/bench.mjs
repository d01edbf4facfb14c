// The speed and memory benchmark: `npm run bench`. Needs a build (dist/) first.
//
//   node scripts/bench.mjs [--sizes 2000,20000] [--every 2000] [--python 5000] [--rounds 3] [--seed 1]
//   node scripts/bench.mjs --inputs-only [--rounds 1] [--slack 5]
//
// --inputs-only times just the pathological inputs and exits 1 when one takes longer than its
// budget times --slack (each run is stopped there): the guard CI runs against a change that
// makes planning or scanning grow quadratically, with room for a slow or busy machine.
//
// Every figure is a median over interleaved rounds run in this one invocation, and every goal
// is checked against baselines (bare node, grep, ast-grep) timed in the same rounds, so the
// ratios hold on a machine that other work keeps busy.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensurePythonTree } from './bench-python-tree.mjs';
import { ensureTree } from './bench-tree.mjs';
import { INPUT_BUDGET_SECONDS, prepareInputs } from './bench-inputs.mjs';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(PROJECT, 'bench');
const TREES = path.join(BENCH, 'trees');
// Inside trees/, so the command outputs are ignored by git along with the trees.
const OUTPUTS = path.join(TREES, '.out');
// The runs' own cache folder (compiled code, kept results), so the user's is neither used nor changed.
const CACHE = path.join(TREES, '.cache');
const CLI = path.join(PROJECT, 'bin', 'migrate-openai.js');
// The Node that runs the benchmark runs the CLI too.
const NODE = process.execPath;
const TIME = '/usr/bin/time';
const AST_GREP_PATTERN = '$C.chat.completions.create($$$)';
/** The plainest text search for OpenAI usage: the floor a scan of a large tree is held to. */
const PLAIN_GREP_PATTERN = 'openai|gpt-';
/** The tree of ordinary code without a single candidate: what a scan costs when nothing needs parsing. */
const NO_CANDIDATE_FILES = 2000;
/** The tree the ratios are taken on (or the largest one run, if not among --sizes). */
const MAIN_TREE_FILES = 20000;

/** Whether GNU time wraps each child (set once at start). */
let useTime = false;

const TARGETS = {
  idleScanSeconds: 0.2,
  scanToGrep: 4,
  astGrepToScan: 5,
  helpSeconds: 0.15,
  peakMb: 200,
  marginalToGrep: 10,
  everyFileSeconds: 4,
};

function parseArgs(argv) {
  const options = { sizes: [2000, 20000], every: 2000, python: 5000, rounds: 3, seed: 1, inputsOnly: false, slack: 5 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') options.sizes = value().split(',').map(toCount);
    else if (flag === '--every') options.every = toCount(value(), true);
    else if (flag === '--python') options.python = toCount(value(), true);
    else if (flag === '--rounds') options.rounds = toCount(value());
    else if (flag === '--seed') options.seed = toCount(value());
    else if (flag === '--inputs-only') options.inputsOnly = true;
    else if (flag === '--slack') options.slack = toCount(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/bench.mjs [--sizes 2000,20000] [--every 2000|0] [--python 5000|0] [--rounds 3] [--seed 1]\n       node scripts/bench.mjs --inputs-only [--rounds 1] [--slack 5]');
      process.exit(0);
    } else throw new Error(`unknown flag ${argv[i]} (try --help)`);
  }
  options.sizes.sort((a, b) => a - b);
  return options;
}

function toCount(text, allowZero = false) {
  const number = Number(String(text).replace(/_/g, ''));
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) throw new Error(`not a count: ${text}`);
  return number;
}

/** `/usr/bin/time -f %M` reports a child's peak RSS; without GNU time there is no memory column. */
function hasGnuTime() {
  const probe = spawnSync(TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
}

/**
 * The native ast-grep binary: @ast-grep/cli's postinstall step copies it out of the platform
 * package, and without that step its bin is a Node shim that costs a Node start-up per call,
 * so the platform package's binary is preferred. Undefined when ast-grep is not installed.
 */
function findAstGrep() {
  const scope = path.join(PROJECT, 'node_modules', '@ast-grep');
  const libc = process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : '';
  const exe = process.platform === 'win32' ? 'ast-grep.exe' : 'ast-grep';
  const candidates = [
    process.env.AST_GREP,
    path.join(scope, `cli-${process.platform}-${process.arch}${libc}`, exe),
    path.join(PROJECT, 'node_modules', '.bin', 'ast-grep'),
  ];
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return { bin: candidate, version: probe.stdout.trim() };
  }
  return undefined;
}

/** Runs one child to completion: wall time from here, user/sys CPU and peak RSS from GNU time. */
async function measure(command, { stdoutFile, okCodes = [0], env, timeoutSeconds }) {
  const timeFile = path.join(OUTPUTS, `time-${process.pid}.txt`);
  const [file, args] = useTime ? [TIME, ['-f', '%M %U %S', '-o', timeFile, ...command]] : [command[0], command.slice(1)];
  const out = stdoutFile ? await open(stdoutFile, 'w') : undefined;
  const started = process.hrtime.bigint();
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: PROJECT, env: { ...process.env, ...env }, stdio: ['ignore', out ? out.fd : 'ignore', 'pipe'] });
    const timer = timeoutSeconds === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
  if (timeoutSeconds !== undefined && Number(process.hrtime.bigint() - started) / 1e9 >= timeoutSeconds) {
    await out?.close();
    throw new Error(`${command.slice(-4).join(' ')} was stopped after ${timeoutSeconds} s`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await out?.close();
  if (!okCodes.includes(code)) throw new Error(`${command.join(' ')} exited with ${code}\n${stderr.slice(0, 2000)}`);
  if (!useTime) return { seconds, peakMb: undefined, cpuSeconds: undefined };
  const [kb, user, sys] = (await readFile(timeFile, 'utf8')).trim().split('\n').pop().split(' ').map(Number);
  return { seconds, peakMb: kb / 1024, cpuSeconds: user + sys };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Rounds run every command once, in an order that rotates, so slow spells hit all of them alike. */
async function runRounds(commands, rounds, timeoutSeconds) {
  const samples = Object.fromEntries(commands.map((command) => [command.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < commands.length; i++) {
      const command = commands[(i + round) % commands.length];
      samples[command.id].push(await measure(command.argv, { ...command, timeoutSeconds }));
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([id, runs]) => {
      const pick = (key) => (runs[0][key] === undefined ? undefined : median(runs.map((run) => run[key])));
      return [id, { seconds: pick('seconds'), peakMb: pick('peakMb'), cpuSeconds: pick('cpuSeconds'), runs: runs.map((run) => run.seconds) }];
    }),
  );
}

function treeCommands(tree, name, { prefilterSource, astGrep }) {
  const out = (file) => path.join(OUTPUTS, `${name}.${file}`);
  const commands = [
    // A first run on the tree: every candidate parsed (the compiled code of the parser is cached).
    { id: 'scan', argv: [NODE, CLI, 'scan', tree, '--format', 'json', '--no-cache', '--out', out('scan.json')] },
    // The tree unchanged since the last run: every candidate's result kept.
    { id: 'scan-kept', argv: [NODE, CLI, 'scan', tree, '--format', 'json', '--out', out('scan-kept.json')] },
    { id: 'plan', argv: [NODE, CLI, 'plan', '--to', 'zhipu', tree, '--format', 'json', '--no-cache', '--out', out('plan.json')] },
    // The C locale: the prefilter is ASCII, and grep is at its fastest without multibyte decoding.
    { id: 'grep', argv: ['grep', '-rlE', prefilterSource, tree], stdoutFile: out('grep.txt'), okCodes: [0, 1], env: { LC_ALL: 'C' } },
    plainGrep(tree, out('grep-plain.txt')),
  ];
  if (astGrep) {
    commands.push({ id: 'ast-grep', argv: [astGrep.bin, 'run', '--pattern', AST_GREP_PATTERN, tree], stdoutFile: out('ast-grep.txt'), okCodes: [0, 1] });
  }
  return commands;
}

async function benchTree(spec, context, rounds) {
  const tree = path.join(TREES, spec.name);
  const started = performance.now();
  const generated = await (spec.generate ?? ensureTree)({ dir: tree, files: spec.files, share: spec.share, seed: context.seed, isCandidate: context.isCandidate });
  const generateSeconds = (performance.now() - started) / 1000;
  log(`${spec.name}: ${generated.reused ? 'reused' : `generated in ${generateSeconds.toFixed(1)} s`}, ${spec.files} files, ${generated.candidates} use OpenAI`);

  const commands = treeCommands(tree, spec.name, context);
  // One untimed grep first, so that every round finds the tree in the page cache, and one
  // untimed scan that fills the cache folder.
  for (const id of ['grep', 'scan-kept']) {
    const command = commands.find((candidate) => candidate.id === id);
    await measure(command.argv, command);
  }
  const results = await runRounds(commands, rounds);

  const scan = JSON.parse(await readFile(path.join(OUTPUTS, `${spec.name}.scan.json`), 'utf8'));
  const kept = JSON.parse(await readFile(path.join(OUTPUTS, `${spec.name}.scan-kept.json`), 'utf8'));
  if (JSON.stringify(kept.findings) !== JSON.stringify(scan.findings)) throw new Error(`${spec.name}: the scan with kept results found something else than the scan without`);
  const grepFiles = (await readFile(path.join(OUTPUTS, `${spec.name}.grep.txt`), 'utf8')).split('\n').filter(Boolean).length;
  const { discovered, candidates, parsed, findings } = scan.summary;
  if (candidates !== grepFiles) log(`  note: scan found ${candidates} candidates, grep listed ${grepFiles} files`);
  const row = { name: spec.name, files: spec.files, share: spec.share, discovered, candidates, parsed, findings, commands: results };
  printTree(row);
  return row;
}

function plainGrep(tree, stdoutFile) {
  return { id: 'grep-plain', argv: ['grep', '-rlE', PLAIN_GREP_PATTERN, tree], stdoutFile, okCodes: [0, 1], env: { LC_ALL: 'C' } };
}

/**
 * What a run costs when there is nothing to parse: `--help`, a scan of an empty folder and of
 * a tree of ordinary code without a single candidate, with bare Node and grep over the same
 * tree in the same rounds.
 */
async function benchStartup(context, rounds) {
  const empty = path.join(TREES, 'empty');
  await rm(empty, { recursive: true, force: true });
  await mkdir(empty);
  const none = path.join(TREES, `none-${NO_CANDIDATE_FILES}`);
  await ensureTree({ dir: none, files: NO_CANDIDATE_FILES, share: 0, seed: context.seed, isCandidate: context.isCandidate });
  const results = await runRounds(
    [
      { id: 'help', argv: [NODE, CLI, '--help'] },
      { id: 'node', argv: [NODE, '-e', '0'] },
      { id: 'scan-empty', argv: [NODE, CLI, 'scan', empty, '--format', 'json'] },
      { id: 'scan-none', argv: [NODE, CLI, 'scan', none, '--format', 'json'] },
      plainGrep(none, path.join(OUTPUTS, 'none.grep-plain.txt')),
    ],
    Math.max(rounds, 5),
  );
  log(`startup: migrate-openai --help ${formatSeconds(results.help.seconds)}, bare node ${formatSeconds(results.node.seconds)}`);
  log(`  scan of an empty folder ${formatSeconds(results['scan-empty'].seconds)}; of ${NO_CANDIDATE_FILES} files without a candidate ${formatSeconds(results['scan-none'].seconds)} (grep -rlE '${PLAIN_GREP_PATTERN}' ${formatSeconds(results['grep-plain'].seconds)})`);
  return results;
}

const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
const formatSeconds = (s) => (s === undefined ? 'n/a' : s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(2)} s`);
const formatMb = (mb) => (mb === undefined ? 'n/a' : `${Math.round(mb)} MB`);
const formatRatio = (r) => (r === undefined ? 'n/a' : `${r.toFixed(r < 10 ? 2 : 1)}×`);
// CPU time (user + system, all threads) moves less with the machine's load than wall time does.
const formatCpu = (c) => (c.cpuSeconds === undefined ? 'n/a' : `${formatSeconds(c.cpuSeconds)} (${Math.round((c.cpuSeconds / c.seconds) * 100)}%)`);

function printTree(row) {
  const { commands } = row;
  log(`  ${row.discovered} files, ${row.candidates} candidates, ${row.findings} findings`);
  for (const [id, c] of Object.entries(commands)) {
    const extras = [`${formatMb(c.peakMb)} peak`, `cpu ${formatCpu(c)}`];
    if (!id.startsWith('grep')) extras.push(`${formatRatio(ratio(c.seconds, commands.grep.seconds))} grep, ${formatRatio(ratio(c.seconds, commands['grep-plain'].seconds))} plain grep`);
    if (commands['ast-grep'] && id !== 'ast-grep') extras.push(`ast-grep ${formatRatio(ratio(commands['ast-grep'].seconds, c.seconds))} slower`);
    if (id.startsWith('scan') || id.startsWith('grep')) extras.push(`${Math.round(row.discovered / c.seconds).toLocaleString('en-US')} files/s`);
    log(`  ${id.padEnd(9)} ${formatSeconds(c.seconds).padStart(8)}  ${extras.join(', ')}`);
  }
  if (!commands['ast-grep']) log('  ast-grep: not installed');
}

/**
 * How time grows from the smallest to each larger 1% tree, for each command, and the issue's
 * test of it: what the added files cost `scan` over what they cost grep.
 */
function computeGrowth(rows) {
  const [first, ...rest] = rows;
  return rest.map((row) => {
    const byCommand = {};
    for (const id of Object.keys(row.commands)) {
      const from = first.commands[id]?.seconds;
      const to = row.commands[id].seconds;
      if (from !== undefined) byCommand[id] = { factor: to / from, addedSeconds: to - from };
    }
    const marginal = ratio(byCommand.scan?.addedSeconds, byCommand.grep?.addedSeconds);
    return { from: first.name, to: row.name, files: row.files / first.files, candidates: row.candidates / first.candidates, commands: byCommand, scanAddedToGrepAdded: marginal };
  });
}

/**
 * The goals, one row each: the measured median, the baseline it is held to (timed in the same
 * rounds) and their ratio. `met` is undefined when a figure is missing (no ast-grep, no GNU time).
 */
function evaluateTargets(rows, every, growth, startup) {
  const checks = [];
  const check = ({ name, measured, baseline, ratio: shownRatio, goal, met, value }) =>
    checks.push({ name, measured, baseline: baseline ?? '', ratio: shownRatio ?? '', goal, met: value === undefined ? undefined : met });
  const node = startup.node.seconds;
  const vsNode = (seconds) => `${formatRatio(ratio(seconds, node))} node`;
  const nodeBaseline = `\`node -e 0\` ${formatSeconds(node)}`;
  for (const [id, name] of [
    ['scan-empty', '`scan` of an empty folder'],
    ['scan-none', `\`scan\` of ${NO_CANDIDATE_FILES.toLocaleString('en-US')} files, no candidate`],
  ]) {
    const seconds = startup[id].seconds;
    const baseline = id === 'scan-none' ? `${nodeBaseline}; \`grep -rlE '${PLAIN_GREP_PATTERN}'\` ${formatSeconds(startup['grep-plain'].seconds)}` : nodeBaseline;
    check({ name, measured: formatSeconds(seconds), baseline, ratio: vsNode(seconds), goal: `< ${TARGETS.idleScanSeconds} s`, met: seconds < TARGETS.idleScanSeconds, value: seconds });
  }
  const mid = rows.find((row) => row.files === MAIN_TREE_FILES) ?? rows.at(-1);
  if (mid) {
    const c = mid.commands;
    const tree = `${mid.files.toLocaleString('en-US')} files (${mid.candidates} use OpenAI)`;
    // Once for a first run on the tree, once for a run on the unchanged tree.
    for (const [id, when] of [
      ['scan', 'first run'],
      ['scan-kept', 'unchanged tree, results kept'],
    ]) {
      const seconds = c[id].seconds;
      const toPlain = ratio(seconds, c['grep-plain'].seconds);
      check({
        name: `\`scan\` (${when}) ÷ \`grep -rlE '${PLAIN_GREP_PATTERN}'\`, ${tree}`,
        measured: formatSeconds(seconds),
        baseline: formatSeconds(c['grep-plain'].seconds),
        ratio: formatRatio(toPlain),
        goal: `≤ ${TARGETS.scanToGrep}×`,
        met: toPlain <= TARGETS.scanToGrep,
        value: toPlain,
      });
      const toGrep = ratio(seconds, c.grep.seconds);
      check({
        name: `\`scan\` (${when}) ÷ \`grep -rlE\` with the prefilter's pattern, same tree`,
        measured: formatSeconds(seconds),
        baseline: formatSeconds(c.grep.seconds),
        ratio: formatRatio(toGrep),
        goal: `≤ ${TARGETS.scanToGrep}×`,
        met: toGrep <= TARGETS.scanToGrep,
        value: toGrep,
      });
      const faster = ratio(c['ast-grep']?.seconds, seconds);
      check({
        name: `ast-grep (one pattern) ÷ \`scan\` (${when}), same tree`,
        measured: c['ast-grep'] ? formatSeconds(c['ast-grep'].seconds) : 'ast-grep not installed',
        baseline: `scan ${formatSeconds(seconds)}`,
        ratio: formatRatio(faster),
        goal: `≥ ${TARGETS.astGrepToScan}×`,
        met: faster >= TARGETS.astGrepToScan,
        value: faster,
      });
    }
    check({
      name: 'peak memory of `scan`, same tree',
      measured: formatMb(c.scan.peakMb),
      baseline: `grep ${formatMb(c['grep-plain'].peakMb)}`,
      goal: `< ${TARGETS.peakMb} MB`,
      met: c.scan.peakMb < TARGETS.peakMb,
      value: c.scan.peakMb,
    });
  }
  const help = startup.help.seconds;
  check({ name: '`migrate-openai --help`', measured: formatSeconds(help), baseline: nodeBaseline, ratio: vsNode(help), goal: `< ${TARGETS.helpSeconds} s`, met: help < TARGETS.helpSeconds, value: help });
  const tenfold = growth.find((g) => Math.abs(g.files - 10) < 0.5) ?? growth[0];
  if (tenfold) {
    const value = tenfold.scanAddedToGrepAdded;
    check({
      name: `growth ${tenfold.from} → ${tenfold.to}: time \`scan\` adds ÷ time grep adds`,
      measured: `+${formatSeconds(tenfold.commands.scan.addedSeconds)}`,
      baseline: `+${formatSeconds(tenfold.commands.grep.addedSeconds)}`,
      ratio: formatRatio(value),
      goal: `≤ ${TARGETS.marginalToGrep}×`,
      met: value <= TARGETS.marginalToGrep,
      value,
    });
  }
  if (every) {
    for (const id of ['scan', 'plan']) {
      const c = every.commands[id];
      check({ name: `\`${id}\` of ${every.name} (every file uses OpenAI)`, measured: `${formatSeconds(c.seconds)}, cpu ${formatCpu(c)}`, goal: `< ${TARGETS.everyFileSeconds} s`, met: c.seconds < TARGETS.everyFileSeconds, value: c.seconds });
    }
  }
  return checks;
}

function renderTargets(targets) {
  // A pipe inside a cell (the grep pattern) would end it.
  const cell = (text) => String(text).replaceAll('|', '\\|');
  const lines = ['| case | median | baseline (same run) | ratio | goal | met |', '|---|---:|---:|---:|---:|---|'];
  for (const t of targets) {
    const met = t.met === undefined ? 'n/a' : t.met ? 'yes' : 'no';
    lines.push(`| ${[t.name, t.measured, t.baseline, t.ratio, t.goal, met].map(cell).join(' | ')} |`);
  }
  return lines;
}

function describeMachine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

function renderMarkdown(results) {
  const { machine, options, trees, growth, targets } = results;
  const ids = ['scan', 'scan-kept', 'plan', 'grep', 'grep-plain', 'ast-grep'];
  const lines = [
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}; ` +
      `load average ${machine.loadAverage.join(' / ')} at the start. Medians of ${options.rounds} rounds (5 for start-up), seed ${options.seed}.`,
    '',
    ...renderTargets(targets),
    '',
    '| tree | files | candidates | command | median wall | peak RSS | CPU time (share of wall) | ÷ grep (prefilter) | ÷ plain grep | ast-grep ÷ this | files/s |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of trees) {
    for (const id of ids) {
      const c = row.commands[id];
      if (!c) {
        lines.push(`| ${row.name} | ${row.discovered} | ${row.candidates} | ${id} | not installed | | | | | | |`);
        continue;
      }
      const toGrep = formatRatio(ratio(c.seconds, row.commands.grep.seconds));
      const toPlain = formatRatio(ratio(c.seconds, row.commands['grep-plain'].seconds));
      const astGrep = row.commands['ast-grep'] && id !== 'ast-grep' ? formatRatio(ratio(row.commands['ast-grep'].seconds, c.seconds)) : '';
      const rate = id === 'plan' ? '' : Math.round(row.discovered / c.seconds).toLocaleString('en-US');
      lines.push(`| ${row.name} | ${row.discovered} | ${row.candidates} | ${id} | ${formatSeconds(c.seconds)} | ${formatMb(c.peakMb)} | ${formatCpu(c)} | ${toGrep} | ${toPlain} | ${astGrep} | ${rate} |`);
    }
  }
  if (growth.length > 0) {
    lines.push('', '| growth | files | candidates | scan | plan | grep | ast-grep | scan added ÷ grep added |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const g of growth) {
      const cell = (id) => (g.commands[id] ? `${formatRatio(g.commands[id].factor)} (+${formatSeconds(g.commands[id].addedSeconds)})` : 'n/a');
      lines.push(`| ${g.from} → ${g.to} | ${formatRatio(g.files)} | ${formatRatio(g.candidates)} | ${cell('scan')} | ${cell('plan')} | ${cell('grep')} | ${cell('ast-grep')} | ${formatRatio(g.scanAddedToGrepAdded)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = performance.now();
  const prefilterModule = path.join(PROJECT, 'dist', 'scan', 'prefilter.js');
  if (!existsSync(prefilterModule)) throw new Error('no build: run `npm run build` first');
  const { PREFILTER_SOURCE } = await import(pathToFileURL(prefilterModule).href);
  const prefilter = new RegExp(PREFILTER_SOURCE);
  useTime = hasGnuTime();
  const astGrep = findAstGrep();
  const context = { seed: options.seed, isCandidate: (text) => prefilter.test(text), prefilterSource: PREFILTER_SOURCE, astGrep };
  await rm(OUTPUTS, { recursive: true, force: true });
  await mkdir(OUTPUTS, { recursive: true });
  process.env.MIGRATE_OPENAI_CACHE_DIR = CACHE;
  delete process.env.MIGRATE_OPENAI_NO_CACHE;

  const machine = describeMachine();
  log(`machine: ${machine.cpus} cpus, ${machine.memoryGb} GB, node ${machine.node}, load ${machine.loadAverage.join(' ')}`);
  if (options.inputsOnly) {
    await guardInputs(options);
    return;
  }
  log(`ast-grep: ${astGrep ? `${astGrep.version} (${path.relative(PROJECT, astGrep.bin)})` : 'not installed'}; peak memory: ${useTime ? TIME : 'n/a (no GNU time)'}`);

  const startup = await benchStartup(context, options.rounds);
  const trees = [];
  for (const files of options.sizes) trees.push(await benchTree({ name: `ts-${files}`, files, share: 0.01 }, context, options.rounds));
  const every = options.every > 0 ? await benchTree({ name: `every-${options.every}`, files: options.every, share: 1 }, context, options.rounds) : undefined;
  // Python services, 5% of modules using OpenAI: reported beside the TypeScript trees, not in their growth figures.
  const python = options.python > 0 ? await benchTree({ name: `py-${options.python}`, files: options.python, share: 0.05, generate: ensurePythonTree }, context, options.rounds) : undefined;

  const growth = computeGrowth(trees);
  for (const g of growth) {
    const parts = Object.entries(g.commands).map(([id, c]) => `${id} ${formatRatio(c.factor)}`);
    log(`growth ${g.from} → ${g.to} (${formatRatio(g.files)} files): ${parts.join(', ')}; scan's added time ${formatRatio(g.scanAddedToGrepAdded)} grep's`);
  }
  const targets = evaluateTargets(trees, every, growth, startup);
  const inputs = await runRounds(await prepareInputs(path.join(TREES, 'inputs'), CLI, NODE), options.rounds);
  for (const [id, c] of Object.entries(inputs)) {
    targets.push({ name: id, measured: formatSeconds(c.seconds), baseline: '', ratio: '', goal: `< ${INPUT_BUDGET_SECONDS} s`, met: c.seconds < INPUT_BUDGET_SECONDS });
  }
  log('');
  for (const line of renderTargets(targets)) log(line);
  log('');

  const results = {
    machine,
    options,
    astGrep: astGrep?.version ?? null,
    startup,
    trees: [...trees, ...(every ? [every] : []), ...(python ? [python] : [])],
    growth,
    inputs,
    targets,
    totalSeconds: (performance.now() - startedAt) / 1000,
  };
  await writeFile(path.join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(BENCH, 'results.md'), renderMarkdown(results));
  log(`wrote bench/results.json and bench/results.md in ${results.totalSeconds.toFixed(0)} s`);
}

/** Times the pathological inputs alone; any over its budget times the slack fails the run. */
async function guardInputs({ rounds, slack }) {
  const limit = INPUT_BUDGET_SECONDS * slack;
  const inputs = await runRounds(await prepareInputs(path.join(TREES, 'inputs'), CLI, NODE), rounds, limit);
  const over = Object.entries(inputs).filter(([, c]) => c.seconds > limit);
  for (const [id, c] of Object.entries(inputs)) log(`${id.padEnd(28)} ${formatSeconds(c.seconds).padStart(8)}  (budget ${INPUT_BUDGET_SECONDS} s, fails over ${limit} s)`);
  if (over.length > 0) throw new Error(`over ${limit} s: ${over.map(([id]) => id).join(', ')}`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
