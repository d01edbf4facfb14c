/**
 * OpenAI model ids are recognised by shape, not by a list, so that new snapshots and
 * fine-tunes are found too. Applied to whole string values only.
 */
const FAMILY = [
  String.raw`gpt-(?:3\.5|35|4(?:\.\d+|o)?|5(?:\.\d+)?|oss|image|audio|realtime|transcribe|live)(?:[-.][a-z0-9]+)*`,
  // `chatgpt-4o-latest`; not app names such as `chatgpt-web`.
  String.raw`chatgpt-\d[a-z0-9.-]*`,
  String.raw`codex-mini-latest`,
  String.raw`o[1-9](?:-[a-z0-9]+)*`,
  String.raw`text-embedding-(?:ada-002|3-(?:small|large))`,
  String.raw`(?:text|omni)-moderation-[a-z0-9-]+`,
  String.raw`(?:text|code)-(?:davinci|curie|babbage|ada)(?:-edit)?-\d{3}`,
  String.raw`(?:davinci|babbage)-002`,
  String.raw`whisper-1`,
  String.raw`tts-1(?:-hd)?(?:-\d{4})?`,
  String.raw`dall-e-[23]`,
  String.raw`sora-2(?:-pro)?(?:-\d{4}-\d{2}-\d{2})?`,
  String.raw`computer-use-preview(?:-\d{4}-\d{2}-\d{2})?`,
].join('|');

/** An optional gateway prefix (`openai/`, `openai:`), an optional `ft:`, the family, fine-tune suffixes. */
const MODEL_ID = new RegExp(String.raw`^(?:openai[/:])?(?:ft:)?(?:${FAMILY})(?::[A-Za-z0-9._-]+)*$`);

/** Short ids such as `o1` or `o3` are ordinary words elsewhere; only trusted in a model position. */
const SHORT_ID = /^(?:openai[/:])?o[1-9]$/;

/** True when `value` as a whole has the shape of an OpenAI model id. */
export function isModelId(value: string): boolean {
  return MODEL_ID.test(value);
}

/** True for ids that are distinctive enough to report outside a model position. */
export function isDistinctiveModelId(value: string): boolean {
  return isModelId(value) && !SHORT_ID.test(value);
}
