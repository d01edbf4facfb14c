import type { ProbeRequest } from './types.js';

export interface HttpOptions {
  timeoutMs: number;
  /** Injected by tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Longest `Retry-After` honoured; a longer wait is reported instead of waited for. */
  maxRetryAfterMs?: number;
  /** Called once per HTTP request actually sent. */
  onSend?: () => void;
}

/** What came back, reduced to what a check needs. */
export type HttpAnswer =
  | { kind: 'response'; status: number; contentType: string; body: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one request with the key as the OpenAI SDK sends it (a Bearer token). A 429 is retried
 * once after the server's `Retry-After` (1 s without one); nothing else is retried.
 */
export async function send(baseUrl: string, key: string, request: ProbeRequest, options: HttpOptions): Promise<HttpAnswer> {
  const first = await sendOnce(baseUrl, key, request, options);
  if (first.kind !== 'response' || first.status !== 429) return first;
  const wait = retryAfterMs(first.retryAfter);
  if (wait > (options.maxRetryAfterMs ?? 30_000)) return first;
  await (options.sleep ?? sleepFor)(wait);
  return sendOnce(baseUrl, key, request, options);
}

async function sendOnce(baseUrl: string, key: string, request: ProbeRequest, options: HttpOptions): Promise<HttpAnswer & { retryAfter?: string | null }> {
  const doFetch = options.fetch ?? fetch;
  options.onSend?.();
  try {
    const response = await doFetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { authorization: `Bearer ${key}`, accept: 'application/json', ...(request.body ? { 'content-type': 'application/json' } : {}) },
      ...(request.body ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.text();
    return { kind: 'response', status: response.status, contentType: response.headers.get('content-type') ?? '', body, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'network', message: cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number {
  if (header === null || header === undefined || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
