import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stub saw it. */
export interface LoggedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

export interface StubOptions {
  /** The only key the stub accepts (as a Bearer token). */
  key: string;
  /** Builds an error body in the provider's shape. */
  errorBody?: (status: number, message: string) => unknown;
  /** Model ids the stub does not serve (404). */
  missingModels?: string[];
  /** Request options the stub refuses (400), e.g. `json_schema`. */
  refused?: ('json_schema' | 'tools' | 'vision' | 'dimensions')[];
  /** Answers 429 with this Retry-After to the first request for a model. */
  busyModels?: Record<string, string>;
  /** Models whose requests never get an answer. */
  silentModels?: string[];
  /** Answer `stream: true` with plain JSON instead of server-sent events. */
  noStreaming?: boolean;
  /** `GET /models` answers 404 (providers without a models endpoint). */
  noModelList?: boolean;
  dimensions?: number;
}

export interface Stub {
  baseUrl: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const openAIError = (status: number, message: string) => ({ error: { message, type: status === 401 ? 'invalid_api_key' : 'invalid_request_error', code: null } });

/** A local imitation of an OpenAI-compatible endpoint, on 127.0.0.1 only, logging every request. */
export async function startStub(options: StubOptions): Promise<Stub> {
  const requests: LoggedRequest[] = [];
  const busy = new Map(Object.entries(options.busyModels ?? {}));
  const errorBody = options.errorBody ?? openAIError;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '').replace(/^\/v1/, '');
    requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${options.key}`) return reply(401, errorBody(401, 'Incorrect API key provided'));
    if (req.method === 'GET' && path === '/models') {
      if (options.noModelList) return reply(404, errorBody(404, 'Not found'));
      return reply(200, { object: 'list', data: [{ id: 'listed-model', object: 'model' }] });
    }
    const model = String(body?.model ?? '');
    if (options.silentModels?.includes(model)) return; // never answers
    if (busy.has(model)) {
      const retryAfter = busy.get(model)!;
      busy.delete(model);
      return reply(429, errorBody(429, 'Rate limit reached'), { 'retry-after': retryAfter });
    }
    if (options.missingModels?.includes(model)) return reply(404, errorBody(404, `The model ${model} does not exist`));
    const refused = (options.refused ?? []).find((option) => usesOption(body, option));
    if (refused) return reply(400, errorBody(400, `${refused} is not supported`));
    if (path === '/embeddings') return reply(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: new Array(options.dimensions ?? 1024).fill(0.1) }], model });
    if (body?.stream === true && !options.noStreaming) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'p' } }] })}\n\ndata: [DONE]\n\n`);
      return;
    }
    return reply(200, { id: 'chatcmpl-1', object: 'chat.completion', model, choices: [{ index: 0, message: { role: 'assistant', content: 'p' }, finish_reason: 'length' }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function usesOption(body: Record<string, unknown> | undefined, option: string): boolean {
  if (body === undefined) return false;
  if (option === 'json_schema') return (body.response_format as { type?: string } | undefined)?.type === 'json_schema';
  if (option === 'vision') return JSON.stringify(body.messages ?? '').includes('image_url');
  return body[option] !== undefined;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
}
