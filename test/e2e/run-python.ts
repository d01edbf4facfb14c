import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensurePythonVenv } from '../../scripts/python-venv.mjs';
import { capturedRequests, type ProgramRun } from './run-program.js';

/**
 * Runs a fixture's `main.py` with the venv's real `openai` package, through `python/capture.py`
 * which replaces the package's HTTP transport: each request is recorded and nothing reaches the
 * network. The child's environment holds only PATH and the variables the caller passes.
 */
const CAPTURE = path.join(import.meta.dirname, 'python', 'capture.py');
const CAPTURE_FILE = 'captured-requests.jsonl';
const CHILD_TIMEOUT_MS = 30_000;

const runFile = promisify(execFile);

/** The venv's python; a venv that cannot be made fails the suite with pip's one-line reason. */
export async function pythonWithOpenAI(): Promise<string> {
  return ensurePythonVenv();
}

export async function runPythonProgram(python: string, root: string, env: Record<string, string>): Promise<ProgramRun> {
  const childEnv = { PATH: process.env.PATH ?? '', PYTHONDONTWRITEBYTECODE: '1', CAPTURE_REQUESTS_TO: path.join(root, CAPTURE_FILE), ...env };
  let stdout: string;
  try {
    ({ stdout } = await runFile(python, [CAPTURE], { cwd: root, env: childEnv, timeout: CHILD_TIMEOUT_MS }));
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`main.py failed: ${String(error)}\n${stderr ?? ''}`);
  }
  return { stdout, requests: await capturedRequests(root) };
}
