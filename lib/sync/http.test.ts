import { describe, expect, it } from 'vitest';
import { createHttpClient, parseRetryAfter, SyncError, UnreachableError, USER_AGENT } from './index';

const URL_A = 'https://archive.example/api/v1/archive';

/** A fake fetch that answers from a queue of statuses and records what it was asked. */
function scriptedFetch(statuses: number[], headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; userAgent: string | null }> = [];
  const fake: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), userAgent: new Headers(init?.headers).get('user-agent') });
    const status = statuses.shift() ?? 200;
    return new Response(status === 200 ? '{"ok":true}' : 'nope', { status, headers });
  };
  return { fake, calls };
}

/** A fetch that never answers until its signal aborts, counting its calls. */
function hangingFetch() {
  let count = 0;
  const hangs: typeof fetch = (_input, init) => {
    count++;
    return new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  };
  return { hangs, calls: () => count };
}

describe('createHttpClient', () => {
  it('retries 429 and 5xx answers, then returns the success', async () => {
    const { fake, calls } = scriptedFetch([429, 503, 200], { 'Retry-After': '0' });
    const client = createHttpClient({ fetch: fake, retryBaseMs: 1 });

    await expect(client.getJson(URL_A)).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it('gives up after the last retry with a one-line error naming the URL and status', async () => {
    const { fake, calls } = scriptedFetch([503, 503, 503]);
    const client = createHttpClient({ fetch: fake, retryBaseMs: 1, retries: 2 });

    await expect(client.get(URL_A)).rejects.toThrow(
      new SyncError(`sync: GET ${URL_A} answered HTTP 503 (gave up after 3 attempts)`),
    );
    expect(calls).toHaveLength(3);
  });

  it('returns other 4xx answers without retrying', async () => {
    const { fake, calls } = scriptedFetch([404]);
    const client = createHttpClient({ fetch: fake, retryBaseMs: 1 });

    expect((await client.get(URL_A)).status).toBe(404);
    await expect(createHttpClient({ fetch: scriptedFetch([404]).fake }).getJson(URL_A)).rejects.toThrow(
      `sync: GET ${URL_A} answered HTTP 404`,
    );
    expect(calls).toHaveLength(1);
  });

  it('reports unparsable JSON with the URL', async () => {
    const fake: typeof fetch = async () => new Response('{"cut', { status: 200 });
    await expect(createHttpClient({ fetch: fake }).getJson(URL_A)).rejects.toThrow(
      `sync: GET ${URL_A} returned unparsable JSON`,
    );
  });

  it('sends the descriptive User-Agent', async () => {
    const { fake, calls } = scriptedFetch([200]);
    await createHttpClient({ fetch: fake }).get(URL_A);

    expect(calls[0]?.userAgent).toBe(USER_AGENT);
  });

  it('keeps at most two requests in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fake: typeof fetch = async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return new Response('{}', { status: 200 });
    };
    const client = createHttpClient({ fetch: fake });

    await Promise.all(Array.from({ length: 6 }, (_, i) => client.get(`${URL_A}?offset=${i}`)));
    expect(maxInFlight).toBe(2);
  });

  it('turns DNS failures into a one-line offline error without retrying', async () => {
    let calls = 0;
    const fake: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }),
      });
    };

    await expect(createHttpClient({ fetch: fake, retryBaseMs: 1 }).get(URL_A)).rejects.toThrow(
      new UnreachableError('https://archive.example', 'ENOTFOUND'),
    );
    expect(calls).toBe(1);
  });

  it('counts a host that has never answered and sends no headers in time as unreachable, without retrying', async () => {
    const { hangs, calls } = hangingFetch();
    const client = createHttpClient({ fetch: hangs, firstContactTimeoutMs: 10, retryBaseMs: 1 });

    await expect(client.get(URL_A)).rejects.toThrow(
      'sync: cannot reach https://archive.example (no answer within 0.01 s)',
    );
    expect(calls()).toBe(1);
  });

  it('times out a request that never answers, retrying before giving up', async () => {
    const { hangs, calls } = hangingFetch();
    const client = createHttpClient({ fetch: hangs, timeoutMs: 10, retries: 1, retryBaseMs: 1 });

    await expect(client.get(URL_A)).rejects.toThrow(
      `sync: GET ${URL_A} timed out after 10 ms (gave up after 2 attempts)`,
    );
    expect(calls()).toBe(2);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('120')).toBe(120_000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unparsable header', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
