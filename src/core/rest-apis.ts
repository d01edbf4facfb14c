/** OpenAI REST paths (after `/v1/`) → the SDK method that calls them, for capability checks. First match wins. */
const REST_APIS: [RegExp, string][] = [
  [/^chat\/completions/, 'chat.completions.create'],
  [/^completions/, 'completions.create'],
  [/^responses/, 'responses.create'],
  [/^embeddings/, 'embeddings.create'],
  [/^images\//, 'images.generate'],
  [/^audio\/transcriptions/, 'audio.transcriptions.create'],
  [/^audio\/translations/, 'audio.translations.create'],
  [/^audio\/speech/, 'audio.speech.create'],
  [/^moderations/, 'moderations.create'],
  [/^files/, 'files.create'],
  [/^uploads/, 'uploads.create'],
  [/^batches/, 'batches.create'],
  [/^fine_tuning\//, 'fine_tuning.jobs.create'],
  [/^(?:assistants|threads)/, 'beta.assistants.create'],
  [/^vector_stores/, 'vectorStores.create'],
  [/^realtime/, 'realtime.clientSecrets.create'],
  [/^containers/, 'containers.create'],
  [/^conversations/, 'conversations.create'],
  [/^evals/, 'evals.create'],
  [/^videos/, 'videos.create'],
];

/** The SDK method of a REST path such as `chat/completions` or `images/generations?x=1`. */
export function apiForRestPath(path: string): string | undefined {
  return REST_APIS.find(([pattern]) => pattern.test(path))?.[1];
}
