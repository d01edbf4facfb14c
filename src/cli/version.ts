import { readFileSync } from 'node:fs';

/** The package version, read from the package.json this build ships with. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
