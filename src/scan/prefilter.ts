/**
 * The cheap first pass: only files this test accepts are parsed. It may accept too much (the
 * frontends decide), but must not miss a file that uses OpenAI.
 *
 * Every alternative is written in the common subset of JavaScript regexes and POSIX ERE, so
 * `grep -E "$PREFILTER_SOURCE"` gives the same answer per line (the benchmark's floor): no `\b`,
 * no `(?:`, no escapes inside brackets. `(^|[^A-Za-z0-9_])` stands in for a word boundary; in
 * JavaScript it also matches a preceding newline, which is grep's `^`.
 */
const ALTERNATIVES = [
  // The name in any case: `openai` imports, OPENAI_API_KEY, AzureOpenAI, api.openai.com.
  '[Oo][Pp][Ee][Nn][Aa][Ii]',
  // A secret key; the boundary keeps `disk-usage-…` out.
  '(^|[^A-Za-z0-9_])sk-[A-Za-z0-9_-]{20,}',
  // Model ids. `gpt-` also covers chatgpt-… and gpt-image-….
  'gpt-',
  '(^|[^A-Za-z0-9_])o[134](-|["\'`])',
  'text-embedding-',
  'dall-e-',
  'whisper-1',
  'tts-1',
  '(omni|text)-moderation',
  'davinci',
  // API paths distinctive enough to betray a client created in another file.
  '\\.chat\\.completions',
  '\\.completions\\.create',
  '\\.embeddings\\.create',
  '\\.images\\.(generate|edit)',
  '\\.audio\\.(transcriptions|translations|speech)',
  '\\.moderations\\.create',
  '\\.responses\\.(create|parse|stream)',
  '\\.beta\\.(assistants|threads|chat|vectorStores|realtime)',
  '\\.(fineTuning|fine_tuning)\\.',
  '\\.batches\\.create',
  '\\.vectorStores\\.',
  '\\.vector_stores\\.',
  // The `chatgpt` wrapper package, whose files may not name OpenAI at all.
  '["\'`]chatgpt["\'`]',
  // openai v3 SDK methods. The end boundary keeps DOM/canvas `createImageBitmap`/`createImageData` out.
  'create(ChatCompletion|Completion|Embedding|Image|ImageEdit|ImageVariation|Transcription|Translation|Moderation)([^A-Za-z0-9_]|$)',
];

/** The prefilter as a regex source that is also a POSIX ERE (`grep -E`, case-sensitive). */
export const PREFILTER_SOURCE: string = ALTERNATIVES.join('|');

const PREFILTER = new RegExp(PREFILTER_SOURCE);

/** Whether the file's text might use OpenAI and so is worth parsing. No parsing, one regex. */
export function isCandidate(text: string): boolean {
  return PREFILTER.test(text);
}

/**
 * `isCandidate` on UTF-8 bytes, without decoding them. The pattern is ASCII, and in UTF-8 a
 * byte below 0x80 is always that ASCII character, so the regex gives the same verdict on the
 * bytes read one per character (latin1) as on the decoded text: a multi-byte character
 * becomes several characters, all outside `[A-Za-z0-9_]` as the one it stands for is.
 */
export function isCandidateBytes(bytes: Buffer): boolean {
  return PREFILTER.test(bytes.toString('latin1'));
}
