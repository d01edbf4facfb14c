/** Items keyed by file, files in order of first appearance, each file's items in the given order. */
export function groupByFile<T extends { file: string }>(items: readonly T[]): Map<string, T[]> {
  const byFile = new Map<string, T[]>();
  for (const item of items) {
    const group = byFile.get(item.file);
    if (group === undefined) byFile.set(item.file, [item]);
    else group.push(item);
  }
  return byFile;
}
