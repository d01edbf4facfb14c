import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { discoverFiles, type DiscoverOptions } from '../../src/scan/discover.js';
import { writeFiles } from '../helpers/write-files.js';

/** Scripts and `.env` files, as a frontend registry would accept them. */
const acceptsScriptsAndEnv = (relative: string) => /\.(?:ts|tsx|js|jsx|mjs|cjs|mts|cts)$/.test(relative) || /(?:^|\/)\.env(?:\.[^/]*)?$/.test(relative);

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder holding `files` (relative path → content). */
async function makeTree(files: Record<string, string> = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-discover-'));
  created.push(dir);
  await writeFiles(dir, files);
  return dir;
}

async function discover(root: string, options: Partial<DiscoverOptions> = {}) {
  return discoverFiles({ root, paths: [root], accepts: acceptsScriptsAndEnv, ...options });
}

async function listRelative(root: string, options: Partial<DiscoverOptions> = {}): Promise<string[]> {
  return (await discover(root, options)).files.map((file) => file.relative);
}

const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

/** Whether os.tmpdir() lies inside a git repository, which would add its ignore files. */
function isTmpInsideRepository(): boolean {
  for (let dir = os.tmpdir(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

describe('discoverFiles', () => {
  describe('listing', () => {
    it('lists the accepted files with absolute and forward-slash relative paths', async () => {
      const root = await makeTree({ 'src/app/index.ts': '', 'src/app/view.tsx': '', 'README.md': '', 'logo.png': '' });
      const { files, skipped } = await discover(root);
      expect(files).toEqual([
        { absolute: path.join(root, 'src', 'app', 'index.ts'), relative: 'src/app/index.ts' },
        { absolute: path.join(root, 'src', 'app', 'view.tsx'), relative: 'src/app/view.tsx' },
      ]);
      expect(skipped).toEqual([]);
    });

    it('sorts by relative path in UTF-8 byte order', async () => {
      const names = ['a.ts', 'a-b.ts', 'a/b.ts', 'B.ts', 'é.ts', 'z.ts', '\uFF21.ts', '😀.ts'];
      const root = await makeTree(Object.fromEntries(names.map((name) => [name, ''])));
      // By UTF-16 code units '😀' (a surrogate pair) would sort before 'Ａ' (U+FF21); by bytes it is after.
      expect(await listRelative(root)).toEqual(['B.ts', 'a-b.ts', 'a.ts', 'a/b.ts', 'z.ts', 'é.ts', '\uFF21.ts', '😀.ts']);
    });

    it('lists files from many folders in UTF-8 byte order, folders and named paths alike', async () => {
      const names = ['a.ts', 'a/b.ts', 'a/b/c.ts', 'a-b/c.ts', 'a0.ts', 'ab/c.ts', 'a b/c.ts', 'é/x.ts', '\uFF21/x.ts', '😀/x.ts', 'z/😀.ts', 'z/\uFF21.ts', 'z/é.ts'];
      const root = await makeTree(Object.fromEntries(names.map((name) => [name, ''])));
      const byBytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(await listRelative(root)).toEqual(byBytes);
      const paths = ['z', 'a0.ts', '😀', 'a'].map((name) => path.join(root, name));
      expect(await listRelative(root, { paths })).toEqual(byBytes.filter((name) => /^(?:z\/|a0\.ts|😀\/|a\/)/.test(name)));
    });

    it('tells the count of files listed so far after each folder, while the walk goes on', async () => {
      const root = await makeTree({ 'a/one.ts': '', 'a/two.ts': '', 'b/deep/three.ts': '', 'b/four.ts': '', 'five.ts': '' });
      const counts: number[] = [];
      await discover(root, { onListed: (count) => counts.push(count) });
      expect(counts).toEqual([2, 3, 4, 5]);
    });

    it('walks dot folders and finds .env files', async () => {
      const root = await makeTree({ '.env': '', 'apps/web/.env.local': '', '.storybook/main.ts': '', '.envrc': '' });
      expect(await listRelative(root)).toEqual(['.env', '.storybook/main.ts', 'apps/web/.env.local']);
    });

    it('lists nothing for an empty folder', async () => {
      const root = await makeTree();
      expect(await discover(root)).toEqual({ files: [], skipped: [] });
    });

    it('treats an empty paths list as the root', async () => {
      const root = await makeTree({ 'a.ts': '' });
      expect(await listRelative(root, { paths: [] })).toEqual(['a.ts']);
    });

    it.skipIf(!hasMkfifo)('reports a FIFO named like a source file as unreadable instead of listing it', async () => {
      const root = await makeTree({ 'a.ts': '' });
      expect(spawnSync('mkfifo', [path.join(root, '.env')]).status).toBe(0);
      const expected = {
        files: [{ absolute: path.join(root, 'a.ts'), relative: 'a.ts' }],
        skipped: [{ file: '.env', reason: 'unreadable', message: 'not a regular file' }],
      };
      expect(await discover(root)).toEqual(expected);
      expect(await discover(root, { paths: [path.join(root, '.env'), path.join(root, 'a.ts')] })).toEqual(expected);
    });
  });

  describe('default excludes', () => {
    it.each(['node_modules', '.git', 'dist', 'build', 'out', '.next', '.nuxt', '.output', 'coverage', 'vendor', '.turbo', '.cache', '.venv', 'venv', 'site-packages', '__pycache__', '.tox', '.nox', '.ipynb_checkpoints'])(
      'skips %s folders at any depth',
      async (folder) => {
        const root = await makeTree({
          [`${folder}/a.ts`]: '',
          [`packages/app/${folder}/deep/b.js`]: '',
          [`lib/${folder}.ts`]: '',
          'src/keep.ts': '',
        });
        expect(await listRelative(root)).toEqual([`lib/${folder}.ts`, 'src/keep.ts']);
      },
    );

    it.each(['lib/jquery.min.js', 'x.min.mjs', 'x.min.cjs', 'lib/chart-min.js', 'public/app.bundle.js'])(
      'skips the minified or bundled file %s',
      async (file) => {
        const root = await makeTree({ [file]: '', 'src/minimal.js': '', 'src/bundle.js': '', 'src/admin.ts': '' });
        expect(await listRelative(root)).toEqual(['src/admin.ts', 'src/bundle.js', 'src/minimal.js']);
      },
    );

    it('scans a root that itself lies inside a folder named like a default exclude', async () => {
      const parent = await makeTree({ 'build/app/src/a.ts': '' });
      expect(await listRelative(path.join(parent, 'build', 'app'))).toEqual(['src/a.ts']);
    });

    it('still applies the default excludes below a folder named explicitly', async () => {
      const root = await makeTree({ 'vendor/lib/a.ts': '', 'src/node_modules/b.ts': '', 'src/c.ts': '' });
      expect(await listRelative(root, { paths: [path.join(root, 'vendor'), path.join(root, 'src')] })).toEqual(['src/c.ts']);
    });
  });

  describe('.gitignore', () => {
    it('honours the root .gitignore, with folder rules and negations', async () => {
      const root = await makeTree({
        '.gitignore': 'generated/\n*.gen.ts\n!keep.gen.ts\n# a comment\n/top-only.ts\n',
        'generated/client.ts': '',
        'src/api.gen.ts': '',
        'src/keep.gen.ts': '',
        'top-only.ts': '',
        'src/top-only.ts': '',
        'src/main.ts': '',
      });
      expect(await listRelative(root)).toEqual(['src/keep.gen.ts', 'src/main.ts', 'src/top-only.ts']);
    });

    it('applies a nested .gitignore relative to its own folder', async () => {
      const root = await makeTree({
        'packages/app/.gitignore': '/local.ts\ntmp/\n',
        'packages/app/local.ts': '',
        'packages/app/src/local.ts': '',
        'packages/app/tmp/scratch.ts': '',
        'packages/lib/local.ts': '',
        'packages/lib/tmp/scratch.ts': '',
      });
      expect(await listRelative(root)).toEqual([
        'packages/app/src/local.ts',
        'packages/lib/local.ts',
        'packages/lib/tmp/scratch.ts',
      ]);
    });

    it('lets a deeper .gitignore re-include what a shallower one ignores', async () => {
      const root = await makeTree({
        '.gitignore': 'fixtures/\n*.local.ts\n',
        'packages/app/.gitignore': '!fixtures/\n!config.local.ts\n',
        'packages/app/fixtures/case.ts': '',
        'packages/app/config.local.ts': '',
        'packages/lib/fixtures/case.ts': '',
        'packages/lib/config.local.ts': '',
      });
      expect(await listRelative(root)).toEqual(['packages/app/config.local.ts', 'packages/app/fixtures/case.ts']);
    });

    it('keeps a file ignored when its folder is ignored, even if a rule negates the file (as git does)', async () => {
      const root = await makeTree({ '.gitignore': 'generated/\n!generated/keep.ts\n', 'generated/keep.ts': '', 'a.ts': '' });
      expect(await listRelative(root)).toEqual(['a.ts']);
    });

    it('never enters an ignored folder, so a .gitignore inside it cannot re-include files (as git does)', async () => {
      const root = await makeTree({
        '.gitignore': 'gen/\n',
        'gen/.gitignore': '!*.ts\n!deep/\n',
        'gen/a.ts': '',
        'gen/deep/b.ts': '',
        'src/c.ts': '',
      });
      expect(await listRelative(root)).toEqual(['src/c.ts']);
    });

    it('lists a folder that a nested .gitignore re-includes, though a ** rule above ignores it', async () => {
      const root = await makeTree({
        '.gitignore': '**/gen/\n',
        'a/.gitignore': '!gen/\n',
        'a/gen/x.ts': '',
        'a/z.ts': '',
        'gen/y.ts': '',
      });
      expect(await listRelative(root)).toEqual(['a/gen/x.ts', 'a/z.ts']);
    });

    it('applies a rule with a slash only at its own depth below its .gitignore', async () => {
      const root = await makeTree({
        '.gitignore': 'src/local.ts\n/src/gen/\n',
        'src/local.ts': '',
        'src/deep/local.ts': '',
        'src/gen/a.ts': '',
        'lib/src/local.ts': '',
        'lib/src/gen/a.ts': '',
      });
      expect(await listRelative(root)).toEqual(['lib/src/gen/a.ts', 'lib/src/local.ts', 'src/deep/local.ts']);
    });

    it('applies a rule without a slash to the names at every depth', async () => {
      const root = await makeTree({
        '.gitignore': '.env\nsecrets.ts\ntmp/\n',
        '.env': '',
        'apps/web/.env': '',
        'apps/web/.env.local': '',
        'apps/web/secrets.ts': '',
        'apps/web/app.ts': '',
        'apps/web/tmp/a.ts': '',
        'apps/web/tmp.ts': '',
      });
      expect(await listRelative(root)).toEqual(['apps/web/.env.local', 'apps/web/app.ts', 'apps/web/tmp.ts']);
    });

    it('judges a folder named for the scan by the .gitignore files of the folders above it', async () => {
      const root = await makeTree({
        '.gitignore': 'gen/\n',
        'packages/.gitignore': '!gen/\n',
        'packages/gen/a.ts': '',
        'other/gen/b.ts': '',
      });
      expect(await listRelative(root, { paths: [path.join(root, 'packages', 'gen')] })).toEqual(['packages/gen/a.ts']);
      expect(await listRelative(root, { paths: [path.join(root, 'other', 'gen')] })).toEqual([]);
    });

    it('applies one .gitignore text found in several packages to each package alone', async () => {
      const rules = '/local.ts\n*.gen.ts\n!keep.gen.ts\n';
      const root = await makeTree({
        'packages/a/.gitignore': rules,
        'packages/b/.gitignore': rules,
        'packages/a/local.ts': '',
        'packages/a/src/local.ts': '',
        'packages/a/x.gen.ts': '',
        'packages/b/src/x.gen.ts': '',
        'packages/b/src/keep.gen.ts': '',
        'packages/b/local.ts': '',
        'local.ts': '',
      });
      expect(await listRelative(root)).toEqual(['local.ts', 'packages/a/src/local.ts', 'packages/b/src/keep.gen.ts']);
    });

    it.skipIf(!hasMkfifo)('goes on without the rules of a FIFO named .gitignore above the root or above a named folder', async () => {
      const repo = await makeTree({ '.git/HEAD': '', 'app/src/a.ts': '' });
      for (const folder of ['', 'app']) expect(spawnSync('mkfifo', [path.join(repo, folder, '.gitignore')]).status).toBe(0);
      const root = path.join(repo, 'app');
      expect(await listRelative(root, { paths: [path.join(root, 'src')] })).toEqual(['src/a.ts']);
      expect(await listRelative(root)).toEqual(['src/a.ts']);
    });

    it('goes on past a rule with a range out of order, which matches nothing, and applies the others', async () => {
      const root = await makeTree({ '.gitignore': '[a--]\ngen/\n*.py[cod]\n', 'gen/a.ts': '', 'src/b.ts': '', 'src/c.pyc': '' });
      expect(await listRelative(root, { accepts: () => true })).toEqual(['src/b.ts']);
    });

    it('applies the .gitignore files above the root up to the repository top, and info/exclude', async () => {
      const repo = await makeTree({
        '.git/info/exclude': 'scratch-*.ts\n',
        '.gitignore': '*.secret.ts\n',
        'packages/.gitignore': 'fixtures/\n',
        'packages/app/src/main.ts': '',
        'packages/app/src/db.secret.ts': '',
        'packages/app/fixtures/case.ts': '',
        'packages/app/scratch-1.ts': '',
      });
      const root = path.join(repo, 'packages', 'app');
      expect(await listRelative(root)).toEqual(['src/main.ts']);
    });

    it('ignores .gitignore files above the repository top', async () => {
      const outer = await makeTree({ '.gitignore': '*.ts\n', 'repo/.git/HEAD': '', 'repo/src/main.ts': '' });
      expect(await listRelative(path.join(outer, 'repo'))).toEqual(['src/main.ts']);
    });

    it.skipIf(isTmpInsideRepository())('ignores parent .gitignore files when the root is in no repository', async () => {
      const outer = await makeTree({ '.gitignore': '*.ts\n', 'project/src/main.ts': '' });
      expect(await listRelative(path.join(outer, 'project'))).toEqual(['src/main.ts']);
    });

    it('follows a .git file to the git folder of a worktree for info/exclude', async () => {
      const repo = await makeTree({
        'main/.git/info/exclude': 'local-*.ts\n',
        'main/.git/worktrees/feature/commondir': '../..\n',
        'feature/.git': 'gitdir: ../main/.git/worktrees/feature\n',
        'feature/local-notes.ts': '',
        'feature/src/main.ts': '',
      });
      expect(await listRelative(path.join(repo, 'feature'))).toEqual(['src/main.ts']);
    });

    it('still scans a root that its enclosing repository ignores', async () => {
      const repo = await makeTree({ '.git/HEAD': '', '.gitignore': 'examples/\n*.tmp.ts\n', 'examples/demo/index.ts': '' });
      expect(await listRelative(path.join(repo, 'examples', 'demo'))).toEqual(['index.ts']);
    });

    it('in a root its repository ignores, applies only the outer .gitignore files that do not ignore it', async () => {
      const repo = await makeTree({
        '.git/HEAD': '',
        '.gitignore': 'examples/\n*.tmp.ts\n',
        'examples/.gitignore': '!demo/\n*.local.ts\n',
        'examples/demo/a.ts': '',
        'examples/demo/a.tmp.ts': '',
        'examples/demo/b.local.ts': '',
      });
      expect(await listRelative(path.join(repo, 'examples', 'demo'))).toEqual(['a.tmp.ts', 'a.ts']);
    });

    it('lists nothing under a folder named explicitly that .gitignore ignores', async () => {
      const root = await makeTree({ '.gitignore': 'generated/\n', 'generated/client.ts': '' });
      expect(await listRelative(root, { paths: [path.join(root, 'generated')] })).toEqual([]);
    });

    it('does not list .gitignore files even when every file is accepted', async () => {
      const root = await makeTree({ '.gitignore': '', 'a.ts': '' });
      expect(await listRelative(root, { accepts: () => true })).toEqual(['a.ts']);
    });

    it('honours the root .gitignore when only a subfolder is scanned', async () => {
      const root = await makeTree({ '.gitignore': 'src/generated/\n', 'src/generated/a.ts': '', 'src/b.ts': '', 'c.ts': '' });
      expect(await listRelative(root, { paths: [path.join(root, 'src')] })).toEqual(['src/b.ts']);
    });
  });

  describe('include and exclude', () => {
    it('keeps only files matching an include glob', async () => {
      const root = await makeTree({ 'src/a.ts': '', 'src/a.test.ts': '', 'scripts/b.ts': '' });
      expect(await listRelative(root, { include: ['src/**/*.ts'] })).toEqual(['src/a.test.ts', 'src/a.ts']);
    });

    it('reads an include that names a folder as everything below it', async () => {
      const root = await makeTree({ 'src/deep/a.ts': '', 'scripts/b.ts': '' });
      expect(await listRelative(root, { include: ['src'] })).toEqual(['src/deep/a.ts']);
    });

    it('drops files matching an exclude glob', async () => {
      const root = await makeTree({ 'src/a.ts': '', 'src/a.test.ts': '', 'src/legacy/old.ts': '' });
      expect(await listRelative(root, { exclude: ['**/*.test.ts', 'src/legacy'] })).toEqual(['src/a.ts']);
    });

    it('lets exclude win over include', async () => {
      const root = await makeTree({ 'src/a.ts': '', 'src/b.ts': '' });
      expect(await listRelative(root, { include: ['src'], exclude: ['src/b.ts'] })).toEqual(['src/a.ts']);
    });

    it('treats an empty include list as no include filter', async () => {
      const root = await makeTree({ 'a.ts': '' });
      expect(await listRelative(root, { include: [] })).toEqual(['a.ts']);
    });
  });

  describe('explicit paths', () => {
    it('scans a file named explicitly even if .gitignore ignores it', async () => {
      const root = await makeTree({ '.gitignore': 'generated/\n', 'generated/client.ts': '', 'a.ts': '' });
      const file = path.join(root, 'generated', 'client.ts');
      expect(await listRelative(root, { paths: [file] })).toEqual(['generated/client.ts']);
    });

    it('scans a file named explicitly inside a default-excluded folder', async () => {
      const root = await makeTree({ 'dist/server.js': '' });
      expect(await listRelative(root, { paths: [path.join(root, 'dist', 'server.js')] })).toEqual(['dist/server.js']);
    });

    it('drops a file named explicitly that matches no pattern', async () => {
      const root = await makeTree({ 'README.md': '' });
      expect(await discover(root, { paths: [path.join(root, 'README.md')] })).toEqual({ files: [], skipped: [] });
    });

    it('applies the user exclude to a file named explicitly', async () => {
      const root = await makeTree({ 'src/a.test.ts': '' });
      expect(await listRelative(root, { paths: [path.join(root, 'src/a.test.ts')], exclude: ['**/*.test.ts'] })).toEqual([]);
    });

    it('applies the user include to a file named explicitly', async () => {
      const root = await makeTree({ 'scripts/a.ts': '', 'src/b.ts': '' });
      const paths = [path.join(root, 'scripts/a.ts'), path.join(root, 'src/b.ts')];
      expect(await listRelative(root, { paths, include: ['src'] })).toEqual(['src/b.ts']);
    });

    it('scans only the folders given', async () => {
      const root = await makeTree({ 'src/a.ts': '', 'lib/b.ts': '', 'c.ts': '' });
      expect(await listRelative(root, { paths: [path.join(root, 'lib')] })).toEqual(['lib/b.ts']);
    });

    it('lists each file once when paths overlap', async () => {
      const root = await makeTree({ 'src/a.ts': '', 'src/deep/b.ts': '', 'c.ts': '' });
      const paths = [path.join(root, 'src', 'deep'), root, path.join(root, 'src'), path.join(root, 'src', 'a.ts')];
      expect(await listRelative(root, { paths })).toEqual(['c.ts', 'src/a.ts', 'src/deep/b.ts']);
    });

    it('throws an InputError for a path that does not exist', async () => {
      const root = await makeTree();
      const missing = path.join(root, 'nope');
      const error = await discover(root, { paths: [missing] }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`path not found: ${missing}`);
    });

    it('throws an InputError for a root that does not exist', async () => {
      const root = path.join(await makeTree(), 'missing-root');
      await expect(discover(root)).rejects.toThrow(new InputError(`path not found: ${root}`));
    });

    it('throws an InputError for a path outside the root', async () => {
      const parent = await makeTree({ 'project/a.ts': '', 'other/b.ts': '' });
      const outside = path.join(parent, 'other');
      const error = await discover(path.join(parent, 'project'), { paths: [outside] }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`path outside root: ${outside}`);
    });

    it('throws an InputError for a path that leaves the root through ..', async () => {
      const parent = await makeTree({ 'project/a.ts': '', 'other/b.ts': '' });
      const sneaky = `${path.join(parent, 'project')}${path.sep}..${path.sep}other${path.sep}b.ts`;
      await expect(discover(path.join(parent, 'project'), { paths: [sneaky] })).rejects.toThrow(/^path outside root: /);
    });
  });

  describe('symbolic links', () => {
    async function makeRootAndOutside() {
      const root = await makeTree({ 'src/main.ts': '' });
      const outside = await makeTree({ 'secret.ts': '', 'lib/util.ts': '', 'lib/more.ts': '' });
      return { root, outside };
    }

    it('reports a link to a file outside the root as skipped and does not list it', async () => {
      const { root, outside } = await makeRootAndOutside();
      await fs.symlink(path.join(outside, 'secret.ts'), path.join(root, 'src', 'secret.ts'));
      expect(await discover(root)).toEqual({
        files: [{ absolute: path.join(root, 'src', 'main.ts'), relative: 'src/main.ts' }],
        skipped: [
          { file: 'src/secret.ts', reason: 'symlink-outside-root', message: 'symbolic link to a file outside the scan root' },
        ],
      });
    });

    it('reports a link named explicitly that leads outside the root as skipped', async () => {
      const { root, outside } = await makeRootAndOutside();
      await fs.symlink(path.join(outside, 'secret.ts'), path.join(root, 'secret.ts'));
      const result = await discover(root, { paths: [path.join(root, 'secret.ts')] });
      expect(result.files).toEqual([]);
      expect(result.skipped).toMatchObject([{ file: 'secret.ts', reason: 'symlink-outside-root' }]);
    });

    it('does not enter a linked folder that leads outside the root', async () => {
      const { root, outside } = await makeRootAndOutside();
      await fs.symlink(path.join(outside, 'lib'), path.join(root, 'src', 'lib'));
      expect(await discover(root)).toEqual({
        files: [{ absolute: path.join(root, 'src', 'main.ts'), relative: 'src/main.ts' }],
        skipped: [],
      });
    });

    it('throws an InputError for a linked folder named explicitly that leads outside the root', async () => {
      const { root, outside } = await makeRootAndOutside();
      await fs.symlink(path.join(outside, 'lib'), path.join(root, 'lib'));
      const error = await discover(root, { paths: [path.join(root, 'lib')] }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`path outside root: ${path.join(root, 'lib')}`);
    });

    it('terminates on link cycles and lists each real file once', async () => {
      const root = await makeTree({ 'a/file.ts': '' });
      await fs.symlink('..', path.join(root, 'a', 'up'));
      await fs.symlink(path.join(root, 'a'), path.join(root, 'a', 'self.ts'));
      await fs.symlink('loop-b.ts', path.join(root, 'loop-a.ts'));
      await fs.symlink('loop-a.ts', path.join(root, 'loop-b.ts'));
      const result = await discover(root);
      expect(result.files.map((file) => file.relative)).toEqual(['a/file.ts']);
      expect(result.skipped).toEqual([
        { file: 'loop-a.ts', reason: 'unreadable', message: 'broken symbolic link (ELOOP)' },
        { file: 'loop-b.ts', reason: 'unreadable', message: 'broken symbolic link (ELOOP)' },
      ]);
    });

    it('lists a file once when a link inside the root points at it', async () => {
      const root = await makeTree({ 'shared/config.ts': '' });
      await fs.mkdir(path.join(root, 'app'));
      await fs.symlink(path.join('..', 'shared', 'config.ts'), path.join(root, 'app', 'config.ts'));
      expect(await listRelative(root)).toEqual(['shared/config.ts']);
    });

    it('lists a link inside the root under its own path when its target is not scanned', async () => {
      const root = await makeTree({ 'shared/config.ts': '' });
      await fs.mkdir(path.join(root, 'app'));
      await fs.symlink(path.join('..', 'shared', 'config.ts'), path.join(root, 'app', 'config.ts'));
      expect(await listRelative(root, { paths: [path.join(root, 'app')] })).toEqual(['app/config.ts']);
    });

    it('reports a broken link as unreadable', async () => {
      const root = await makeTree();
      await fs.symlink('missing.ts', path.join(root, 'dangling.ts'));
      expect((await discover(root)).skipped).toEqual([
        { file: 'dangling.ts', reason: 'unreadable', message: 'broken symbolic link (ENOENT)' },
      ]);
    });

    it('scans the real folder when a folder inside the root is named through a link', async () => {
      const root = await makeTree({ 'packages/app/index.ts': '' });
      await fs.symlink(path.join(root, 'packages', 'app'), path.join(root, 'app'));
      expect(await listRelative(root, { paths: [path.join(root, 'app'), path.join(root, 'packages')] })).toEqual([
        'packages/app/index.ts',
      ]);
    });
  });
});
