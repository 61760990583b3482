import { SYNC_TUNING, type SyncTuning } from './tuning';

export const USER_AGENT = 'import-ai-search-sync/0.1 (+https://github.com/import-ai-search)';

/** What sync asks for: the APIs answer JSON, the feeds RSS. */
export const ACCEPT_JSON = 'application/json';
export const ACCEPT_FEED = 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8';

/** A sync error whose message is one line, starts with `sync: ` and names the URL and the reason. */
export class SyncError extends Error {
  override name = 'SyncError';
}

/** The host could not be reached at all (DNS failure, refused connection, no route): retrying is pointless. */
export class UnreachableError extends SyncError {
  override name = 'UnreachableError';
  constructor(
    readonly origin: string,
    readonly code: string,
  ) {
    super(`sync: cannot reach ${origin} (${code})`);
  }
}

/** Overrides of `SYNC_TUNING`'s politeness numbers (tests shorten the waits). */
export type HttpClientOptions = Partial<
  Pick<
    SyncTuning,
    'maxInFlight' | 'retries' | 'retryBaseMs' | 'maxRetryWaitMs' | 'timeoutMs' | 'firstContactTimeoutMs'
  >
> & {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  userAgent?: string;
};

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  /** The response body as text. */
  body: string;
}

export interface HttpClient {
  /**
   * GET `url`, retrying 429/5xx/timeouts. Resolves with the final response whatever its status
   * (so callers can interpret e.g. a 400); rejects with a `SyncError` when retries run out, or an
   * `UnreachableError` when the host cannot be reached at all.
   */
  get(url: string, accept?: string): Promise<HttpResponse>;
  /** GET `url` and parse JSON; rejects with a `SyncError` on a non-2xx status or unparsable body. */
  getJson(url: string): Promise<unknown>;
}

const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

/**
 * Parse a `Retry-After` header (delta seconds or HTTP date) into milliseconds from `now`.
 * Returns undefined when absent or unparsable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Create a polite HTTP client: fixed User-Agent, bounded concurrency, retries with backoff, timeouts. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const userAgent = options.userAgent ?? USER_AGENT;
  const { retries, retryBaseMs, maxRetryWaitMs, timeoutMs, firstContactTimeoutMs } = {
    ...SYNC_TUNING,
    ...options,
  };
  const semaphore = createSemaphore(options.maxInFlight ?? SYNC_TUNING.maxInFlight);
  /** Origins that have answered at least once in this run. */
  const answered = new Set<string>();

  async function attempt(url: string, accept: string): Promise<HttpResponse> {
    const origin = originOf(url);
    const firstContact = !answered.has(origin);
    // Until an origin has answered once, headers must come quickly: silence then means unreachable.
    const headersDeadline = new AbortController();
    const timer = firstContact
      ? setTimeout(() => headersDeadline.abort(new FirstContactTimeout()), firstContactTimeoutMs)
      : undefined;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { 'User-Agent': userAgent, Accept: accept },
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), headersDeadline.signal]),
        redirect: 'follow',
      });
    } catch (error) {
      if (headersDeadline.signal.aborted) {
        throw new UnreachableError(origin, `no answer within ${firstContactTimeoutMs / 1000} s`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
    answered.add(origin);
    return { url, status: response.status, headers: response.headers, body: await response.text() };
  }

  function backoffMs(attemptNo: number): number {
    const exponential = retryBaseMs * 2 ** (attemptNo - 1);
    // A little jitter so parallel clients don't retry in lockstep.
    return Math.min(maxRetryWaitMs, exponential * (1 + Math.random() * 0.25));
  }

  async function get(url: string, accept: string = ACCEPT_JSON): Promise<HttpResponse> {
    // The slot is held through backoff waits too, so a server that asks us to slow down sees fewer requests.
    const release = await semaphore.acquire();
    try {
      let problem = '';
      let waitMs = 0;
      for (let attemptNo = 1; attemptNo <= retries + 1; attemptNo++) {
        if (attemptNo > 1) await sleep(waitMs);
        let response: HttpResponse;
        try {
          response = await attempt(url, accept);
        } catch (error) {
          if (error instanceof UnreachableError) throw error;
          const code = networkErrorCode(error);
          if (code !== undefined && UNREACHABLE_CODES.has(code))
            throw new UnreachableError(originOf(url), code);
          problem = isTimeout(error)
            ? `timed out after ${timeoutMs} ms`
            : `failed (${code ?? describe(error)})`;
          waitMs = backoffMs(attemptNo);
          continue;
        }
        if (response.status !== 429 && response.status < 500) return response;
        problem = `answered HTTP ${response.status}`;
        const askedMs = parseRetryAfter(response.headers.get('retry-after'));
        waitMs = askedMs === undefined ? backoffMs(attemptNo) : Math.min(askedMs, maxRetryWaitMs);
      }
      throw new SyncError(`sync: GET ${url} ${problem} (gave up after ${retries + 1} attempts)`);
    } finally {
      release();
    }
  }

  async function getJson(url: string): Promise<unknown> {
    const response = await get(url);
    if (response.status < 200 || response.status >= 300) {
      throw new SyncError(`sync: GET ${url} answered HTTP ${response.status}`);
    }
    try {
      return JSON.parse(response.body) as unknown;
    } catch {
      throw new SyncError(`sync: GET ${url} returned unparsable JSON`);
    }
  }

  return { get, getJson };
}

class FirstContactTimeout extends Error {
  override name = 'FirstContactTimeout';
}

function createSemaphore(limit: number): { acquire(): Promise<() => void> } {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    acquire() {
      if (active < limit) {
        active++;
        return Promise.resolve(release);
      }
      // The slot passes straight to the next waiter, so `active` is unchanged.
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
  };
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Dig the errno-style code out of undici's `TypeError('fetch failed', { cause })` chain. */
function networkErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
