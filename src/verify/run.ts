import { count } from '../core/plural.js';
import type { Provider } from '../providers/types.js';
import type { Endpoint } from './endpoint.js';
import { send, type HttpAnswer, type HttpOptions } from './http.js';
import type { AccessResult, Check, CheckResult, VerifyResult } from './types.js';

export interface RunOptions extends HttpOptions {
  dryRun: boolean;
  /** Requests in flight at once; small, to stay polite. */
  concurrency?: number;
}

/** Vectors of OpenAI's embedding models, for the re-index note next to the target's. */
const OPENAI_DIMENSIONS: Record<string, number> = { 'text-embedding-ada-002': 1536, 'text-embedding-3-small': 1536, 'text-embedding-3-large': 3072 };

const MODELS_REQUEST = { method: 'GET', path: '/models' } as const;

/** How many requests a run sends at most (before any 429 retry): the models list, then one per check. */
export function requestCount(checks: readonly Check[]): number {
  return 1 + checks.filter((check) => check.request !== undefined).length;
}

/**
 * Lists the models with the key (which shows whether the endpoint answers and the key is
 * accepted), then sends each check's request. A refused key or an endpoint that does not
 * answer stops the run: every other request would fail the same way.
 */
export async function runVerify(provider: Provider, endpoint: Endpoint, checks: readonly Check[], options: RunOptions): Promise<VerifyResult> {
  let requestsSent = 0;
  const http: HttpOptions = { ...options, onSend: () => void requestsSent++ };
  const base = { provider: { id: provider.id, name: provider.name }, baseUrl: endpoint.baseUrl, keyVar: endpoint.keyVar, dryRun: options.dryRun };
  if (options.dryRun || endpoint.key === undefined) {
    const access: AccessResult = { status: 'not-run', message: 'dry run: nothing sent', listed: null };
    return { ...base, access, checks: checks.map((check) => notRun(check, check.skip ?? 'dry run: nothing sent')), requestsSent };
  }
  const key = endpoint.key;
  const access = describeAccess(await send(endpoint.baseUrl, key, MODELS_REQUEST, http), endpoint, provider, key);
  if (access.status === 'fail') {
    return { ...base, access, checks: checks.map((check) => notRun(check, check.skip ?? 'not sent: the first request failed')), requestsSent };
  }
  const results = await mapLimited(checks, options.concurrency ?? 2, async (check) => {
    if (check.request === undefined) return notRun(check, check.skip ?? 'nothing to send');
    return judge(check, await send(endpoint.baseUrl, key, check.request, http), key, provider);
  });
  return { ...base, access, checks: results, requestsSent };
}

function notRun(check: Check, message: string): CheckResult {
  return { ...check, status: 'not-run', message };
}

function describeAccess(answer: HttpAnswer, endpoint: Endpoint, provider: Provider, key: string): AccessResult {
  if (answer.kind === 'timeout') return { status: 'fail', message: `${endpoint.baseUrl} did not answer in time`, listed: null };
  if (answer.kind === 'network') return { status: 'fail', message: `cannot reach ${endpoint.baseUrl}: ${answer.message}`, listed: null };
  const said = providerMessage(answer.body, key);
  if (answer.status === 401 || answer.status === 403) {
    const regions = Object.keys(provider.baseUrls);
    const perRegion = regions.length > 1 ? `; ${provider.name} keys belong to one region (${regions.join(', ')}): a key of another region is refused here` : '';
    return { status: 'fail', httpStatus: answer.status, message: `the key in ${endpoint.keyVar} was refused${said ? ` (${said})` : ''}: fix ${endpoint.keyVar}${perRegion}`, listed: null };
  }
  if (answer.status >= 200 && answer.status < 300) {
    const listed = modelIds(answer.body);
    return { status: 'pass', httpStatus: answer.status, message: listed === null ? 'key accepted' : `key accepted; ${count(listed.length, 'model')} listed`, listed };
  }
  // No models endpoint (404/405) or another answer: the checks themselves will tell.
  return { status: 'not-run', httpStatus: answer.status, message: `no model list (${answer.status}${said ? `: ${said}` : ''}); the checks below test the key`, listed: null };
}

function judge(check: Check, answer: HttpAnswer, key: string, provider: Provider): CheckResult {
  if (answer.kind === 'timeout') return { ...check, status: 'fail', message: 'no answer in time' };
  if (answer.kind === 'network') return { ...check, status: 'fail', message: `no answer: ${answer.message}` };
  const said = providerMessage(answer.body, key);
  const httpStatus = answer.status;
  if (httpStatus < 200 || httpStatus >= 300) {
    return { ...check, status: 'fail', httpStatus, message: `${failureSummary(check, httpStatus, provider)}${said ? `: ${said}` : ''}` };
  }
  if (check.probe === 'stream' && !/^\s*data:/m.test(answer.body)) {
    return { ...check, status: 'fail', httpStatus, message: 'answered, but not as a stream of server-sent events' };
  }
  if (check.api === 'embeddings') return { ...check, status: 'pass', httpStatus, message: describeEmbedding(answer.body, check) };
  return { ...check, status: 'pass', httpStatus, message: 'accepted' };
}

function failureSummary(check: Check, status: number, provider: Provider): string {
  if (status === 401 || status === 403) return 'key refused';
  if (status === 404) return provider.clientStyle === 'azure' ? `no deployment named ${check.model}` : `model ${check.model} not found`;
  if (status === 429) return 'rate limited (after one retry)';
  if (status === 400 || status === 422) return check.probe === 'basic' ? 'request refused' : `${check.probe} refused`;
  return `HTTP ${status}`;
}

function describeEmbedding(body: string, check: Check): string {
  const vector = (parseJson(body) as { data?: { embedding?: unknown }[] } | undefined)?.data?.[0]?.embedding;
  if (!Array.isArray(vector)) return 'accepted';
  const before = check.openaiModel === undefined ? undefined : OPENAI_DIMENSIONS[check.openaiModel];
  const compared = before === undefined ? '' : before === vector.length ? ` (same as ${check.openaiModel})` : ` (${check.openaiModel}: ${before}; stored vectors must be re-embedded)`;
  return `${vector.length} dimensions${compared}`;
}

function modelIds(body: string): string[] | null {
  const data = (parseJson(body) as { data?: { id?: unknown }[] } | undefined)?.data;
  if (!Array.isArray(data)) return null;
  return data.map((model) => model?.id).filter((id): id is string => typeof id === 'string');
}

/**
 * The provider's own error text, in one short line without the key. Providers put it in
 * different places: `error.message` (OpenAI's shape), `error_msg` (Baidu), `message`/`msg`.
 */
export function providerMessage(body: string, key: string): string {
  const json = parseJson(body) as Record<string, unknown> | undefined;
  const error = json?.error;
  const candidates = [
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>).message : error,
    json?.error_msg,
    json?.message,
    json?.msg,
  ];
  const text = candidates.find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? (json === undefined ? body : '');
  const line = text.replace(/\s+/g, ' ').trim().split(key).join('***');
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `items.map(fn)` with at most `limit` calls in flight, results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
