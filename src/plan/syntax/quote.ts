/** The quote character the file mostly uses for strings, so inserted code looks like its neighbours. */
export function preferredQuote(text: string): "'" | '"' {
  const single = text.match(/(?<![\w\\])'[^'\n]*'/g)?.length ?? 0;
  const double = text.match(/(?<![\w\\])"[^"\n]*"/g)?.length ?? 0;
  return double > single ? '"' : "'";
}
