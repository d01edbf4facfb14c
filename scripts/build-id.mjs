// Writes dist/build-id.json: a digest of the built code and of the pinned dependencies it runs
// with. Results cached by one build are used only by the same build.
//
//   node scripts/build-id.mjs            after compiling
//   node scripts/build-id.mjs --remove   before compiling, so that a build that fails half-way
//                                        has no id (and so no result cache) rather than a stale one
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(project, 'dist');
const idFile = path.join(dist, 'build-id.json');
if (process.argv.includes('--remove')) {
  rmSync(idFile, { force: true });
  process.exit(0);
}
const hash = createHash('sha256');
const { version, dependencies } = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
hash.update(JSON.stringify({ version, dependencies }));
const files = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.js'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();
for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(path.join(dist, file)));
writeFileSync(idFile, `${JSON.stringify({ id: hash.digest('hex').slice(0, 32) })}\n`);
