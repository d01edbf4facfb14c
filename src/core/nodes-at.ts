/**
 * The syntax nodes of some kinds, in source order, from a file's node list (`nodes`, in source
 * order) and, per kind asked for, the ascending positions in it of that kind's nodes. A kind asked
 * for twice gives the same list, which is read once. Both frontends index their nodes this way,
 * so that each finding family visits only the kinds it looks at.
 */
export function nodesAt<N>(nodes: readonly N[], lists: readonly (readonly number[] | undefined)[]): N[] {
  const unique = new Set(lists);
  const found: number[] = [];
  for (const list of unique) if (list !== undefined) for (const position of list) found.push(position);
  if (unique.size > 1) found.sort((a, b) => a - b);
  return found.map((position) => nodes[position]!);
}
