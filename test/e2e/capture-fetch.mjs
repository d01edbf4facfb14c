// Preload for `node --import`: replaces `fetch` before the program under test loads, so the
// request the real `openai` SDK builds is recorded instead of sent. The real fetch is never
// called. Each request is appended as one JSON line to the file named by CAPTURE_REQUESTS_TO,
// and answered with a canned chat completion whose reply is "pong".
import { appendFileSync } from 'node:fs';

const captureFile = process.env.CAPTURE_REQUESTS_TO;
if (!captureFile) throw new Error('capture-fetch: set CAPTURE_REQUESTS_TO to the file that receives requests');

globalThis.fetch = async function captureFetch(input, init) {
  // A local Request normalises every (input, init) shape the SDK may use; building one sends nothing.
  const request = new Request(input, init);
  const text = await request.text();
  appendFileSync(
    captureFile,
    `${JSON.stringify({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      apiKey: request.headers.get('api-key'),
      body: text === '' ? null : JSON.parse(text),
    })}\n`,
  );
  const completion = {
    id: 'chatcmpl-capture',
    object: 'chat.completion',
    created: 0,
    model: 'captured',
    choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }],
  };
  return new Response(JSON.stringify(completion), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
};
