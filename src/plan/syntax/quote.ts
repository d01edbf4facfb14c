/**
 * The quote character the file mostly uses for strings, so inserted code looks like its
 * neighbours; `tie` when it uses both as often (or none): the language's usual style.
 */
export function preferredQuote(text: string, tie: "'" | '"' = "'"): "'" | '"' {
  const single = text.match(/(?<![\w\\])'[^'\n]*'/g)?.length ?? 0;
  const double = text.match(/(?<![\w\\])"[^"\n]*"/g)?.length ?? 0;
  return double === single ? tie : double > single ? '"' : "'";
}
