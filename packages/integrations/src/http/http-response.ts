/**
 * A response read to the end. Reading the body inside the caller's concurrency permit keeps a
 * request "in flight" until the server is really done with it, and lets retries discard bodies
 * without leaking connections.
 */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface BufferedRequest extends RequestInit {
  /** Abort the whole exchange (headers and body) after this many milliseconds. */
  timeoutMs: number;
}

export const fetchBuffered = async (url: string, init: BufferedRequest): Promise<HttpResponse> => {
  const { timeoutMs, ...rest } = init;
  const response = await fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

/** The body as JSON, or undefined when it is empty or not JSON (error pages, proxies). */
export const jsonBodyOf = (response: HttpResponse): unknown => {
  if (response.text.trim() === '') return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
};

export const isSuccess = (response: HttpResponse): boolean => response.status >= 200 && response.status < 300;
