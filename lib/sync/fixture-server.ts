// Test helper: a loopback server that mimics the Substack and WordPress APIs with the JSON fixtures beside it.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Statuses to answer (once each, in order) before serving a route normally. */
export const DEFAULT_FAULTS: Readonly<Record<string, readonly number[]>> = {
  'substack:post:import-ai-502-kettles': [429],
  'substack:post:import-ai-501-lighthouses': [500],
  'wordpress:page:2': [429],
  'wordpress:page:3': [500],
};

export interface FixtureServer {
  baseUrl: string;
  /** Every request received, in order. */
  requests: Array<{ route: string; url: string; userAgent: string | undefined }>;
  /** Highest number of requests being handled at the same moment. */
  maxInFlight: number;
  /** Substack post bodies by slug; a string is served verbatim (to fake broken JSON). Mutable. */
  substackPosts: Record<string, unknown>;
  /** WordPress posts, newest first. Mutable. */
  wordpressPosts: Array<Record<string, unknown>>;
  /** Remaining fault statuses by route key. Mutable. */
  faults: Map<string, number[]>;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Hold every response this long so overlapping requests can be observed (default 15 ms). */
  responseDelayMs?: number;
  /** Send `X-WP-TotalPages` (default true); without it the client must stop on WP's 400 past the last page. */
  sendTotalPages?: boolean;
  faults?: Readonly<Record<string, readonly number[]>>;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const delayMs = options.responseDelayMs ?? 15;
  const sendTotalPages = options.sendTotalPages ?? true;
  const archive = JSON.parse(
    await readFile(path.join(FIXTURES, 'substack-archive.json'), 'utf8'),
  ) as unknown[];
  let inFlight = 0;

  const state: Omit<FixtureServer, 'baseUrl' | 'close'> = {
    requests: [],
    maxInFlight: 0,
    substackPosts: JSON.parse(await readFile(path.join(FIXTURES, 'substack-posts.json'), 'utf8')) as Record<
      string,
      unknown
    >,
    wordpressPosts: JSON.parse(await readFile(path.join(FIXTURES, 'wordpress-posts.json'), 'utf8')) as Array<
      Record<string, unknown>
    >,
    faults: new Map(Object.entries(options.faults ?? DEFAULT_FAULTS).map(([key, list]) => [key, [...list]])),
  };

  function respond(
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    setTimeout(() => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
    }, delayMs);
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fixture.local');
    const post = /^\/api\/v1\/posts\/([^/]+)$/.exec(url.pathname);
    const key =
      url.pathname === '/api/v1/archive'
        ? `substack:archive:${url.searchParams.get('offset')}`
        : post
          ? `substack:post:${decodeURIComponent(post[1] ?? '')}`
          : url.pathname === '/wp-json/wp/v2/posts'
            ? `wordpress:page:${url.searchParams.get('page')}`
            : `unknown:${url.pathname}`;
    state.requests.push({ route: key, url: url.pathname + url.search, userAgent: req.headers['user-agent'] });

    const fault = state.faults.get(key)?.shift();
    if (fault !== undefined) {
      const headers: Record<string, string> = fault === 429 ? { 'Retry-After': '0' } : {};
      return respond(res, fault, JSON.stringify({ error: `fixture fault ${fault}` }), headers);
    }

    if (key.startsWith('substack:archive:')) {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 12);
      return respond(res, 200, JSON.stringify(archive.slice(offset, offset + limit)));
    }
    if (post) {
      const body = state.substackPosts[decodeURIComponent(post[1] ?? '')];
      if (body === undefined) return respond(res, 404, JSON.stringify({ error: 'Post not found' }));
      return respond(res, 200, typeof body === 'string' ? body : JSON.stringify(body));
    }
    if (key.startsWith('wordpress:page:')) {
      const perPage = Number(url.searchParams.get('per_page') ?? 10);
      const page = Number(url.searchParams.get('page') ?? 1);
      const totalPages = Math.max(1, Math.ceil(state.wordpressPosts.length / perPage));
      if (page > totalPages) {
        return respond(
          res,
          400,
          JSON.stringify({
            code: 'rest_post_invalid_page_number',
            message: 'The page number requested is larger than the number of pages available.',
            data: { status: 400 },
          }),
        );
      }
      const headers: Record<string, string> = sendTotalPages
        ? { 'X-WP-Total': String(state.wordpressPosts.length), 'X-WP-TotalPages': String(totalPages) }
        : {};
      const slice = state.wordpressPosts.slice((page - 1) * perPage, page * perPage);
      return respond(res, 200, JSON.stringify(slice), headers);
    }
    respond(res, 404, JSON.stringify({ error: 'no such route' }));
  }

  const server = createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
