import path from 'node:path';

/** A path relative to `root`, with forward slashes, as every output shows it. */
export function toRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** True when `candidate` is `root` itself or lies inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..top.ts` is a name inside the root; only `..` itself or `../…` climbs out.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
