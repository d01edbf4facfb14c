/** Items keyed by `keyOf`, keys in order of first appearance, each key's items in the given order. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** Items keyed by file, files in order of first appearance, each file's items in the given order. */
export function groupByFile<T extends { file: string }>(items: readonly T[]): Map<string, T[]> {
  return groupBy(items, (item) => item.file);
}
