/** `count(1, 'file')` → '1 file', `count(2, 'file')` → '2 files'. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
