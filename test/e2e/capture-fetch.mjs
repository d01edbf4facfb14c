// Preload for `node --import`: replaces `fetch` before the program under test loads, so the
// request a real SDK (`openai`, the AI SDK, LangChain) builds is recorded instead of sent. The
// real fetch is never called. Each request is appended as one JSON line to the file named by
// CAPTURE_REQUESTS_TO, and answered with a canned reply "pong": a Responses API object for a
// path ending in /responses, a chat completion for anything else.
import { appendFileSync } from 'node:fs';

const captureFile = process.env.CAPTURE_REQUESTS_TO;
if (!captureFile) throw new Error('capture-fetch: set CAPTURE_REQUESTS_TO to the file that receives requests');

const REPLY = 'pong';

// Both shapes carry every field the SDKs' response parsers require (the AI SDK validates with
// zod and reads `usage` unguarded on the Responses API).
const chatCompletion = {
  id: 'chatcmpl-capture',
  object: 'chat.completion',
  created: 0,
  model: 'captured',
  choices: [{ index: 0, message: { role: 'assistant', content: REPLY }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

const response = {
  id: 'resp-capture',
  object: 'response',
  created_at: 0,
  status: 'completed',
  model: 'captured',
  output: [
    {
      type: 'message',
      id: 'msg-capture',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: REPLY, annotations: [] }],
    },
  ],
  usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
};

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
  const reply = new URL(request.url).pathname.endsWith('/responses') ? response : chatCompletion;
  return new Response(JSON.stringify(reply), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
};
