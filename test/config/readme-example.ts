import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../../src/config/files.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/** The complete example of the README's "Configuration file" section: the first json block after its heading. */
export function readmeConfigExample(): unknown {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.indexOf('## Configuration file');
  if (section === -1) throw new Error('README has no "## Configuration file" section');
  const match = /```json\n([\s\S]*?)\n```/.exec(readme.slice(section));
  if (match === null) throw new Error(`README shows no ${CONFIG_FILE_NAME} example`);
  return JSON.parse(match[1]!);
}
