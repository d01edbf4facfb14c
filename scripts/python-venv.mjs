// Creates .cache/python-venv with the packages pinned in test/e2e/python/requirements.txt, for
// the Python end-to-end tests. Re-runs pip only when the requirements change.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUIREMENTS = path.join(PROJECT, 'test/e2e/python/requirements.txt');
export const VENV = path.join(PROJECT, '.cache/python-venv');
const STAMP = path.join(VENV, 'installed-requirements.txt');
const PYTHON = path.join(VENV, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');

/** The last non-empty line of a failed command's output: pip's own reason. */
function lastLine(error) {
  const output = `${error.stderr ?? ''}\n${error.stdout ?? ''}`.split('\n').map((line) => line.trim());
  return output.filter((line) => line !== '' && !line.startsWith('WARNING')).at(-1) ?? String(error.message).split('\n')[0];
}

/**
 * The venv's python, creating or updating the venv first. Throws an Error with a one-line
 * reason when Python or the packages cannot be installed.
 */
export async function ensurePythonVenv() {
  const wanted = await readFile(REQUIREMENTS, 'utf8');
  if (existsSync(PYTHON) && (await readFile(STAMP, 'utf8').catch(() => '')) === wanted) return PYTHON;
  const interpreter = process.env.PYTHON ?? 'python3';
  try {
    await rm(VENV, { recursive: true, force: true });
    await run(interpreter, ['-m', 'venv', VENV]);
  } catch (error) {
    throw new Error(`cannot create a Python venv with ${interpreter}: ${lastLine(error)}`);
  }
  try {
    // No retries: an unreachable index fails fast and pip moves on to the configured local one.
    await run(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--retries', '0', '--timeout', '30', '-r', REQUIREMENTS], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`pip cannot install ${path.relative(PROJECT, REQUIREMENTS)}: ${lastLine(error)}`);
  }
  await writeFile(STAMP, wanted);
  return PYTHON;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(await ensurePythonVenv());
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
