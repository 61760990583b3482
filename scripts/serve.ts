import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import next from 'next';
import {
  API_HEADERS,
  errorResponse,
  searchEndpoint,
  type EndpointResponse,
} from '../lib/api/search-endpoint';
import { screenRequest, unreadableRequest } from '../lib/api/request-guard';
import { siteUrl } from '../lib/config';
import { requestOrigin } from '../lib/request-origin';
import { getServedBuild } from '../lib/served/build';

/**
 * `npm start`: the production server. Next serves every page and route; `GET /api/search` — the
 * endpoint tools and search-as-you-type hit hardest — is answered by the same function as the
 * Next route (lib/api/search-endpoint.ts) without Next's per-request pipeline, which costs more than
 * the search itself. Same body, same headers.
 */
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const COMPRESS_ABOVE = 1024;

async function main(): Promise<void> {
  checkSiteUrl();
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Load the index before the first request rather than during it; a broken index stops the start.
  const store = await getServedBuild();
  const heap = v8.getHeapStatistics();
  console.log(
    `serve: ${store.manifest.issues} issues, ${store.manifest.paragraphs} paragraphs from ${store.buildDir}; heap ${mb(heap.used_heap_size)} of ${mb(heap.heap_size_limit)} MB`,
  );

  const server = createServer((req, res) => {
    const refused = screenRequest(req.method, req.url);
    if (refused) {
      send(req, res, refused);
      return;
    }
    if (req.method === 'GET' && (req.url === '/api/search' || req.url?.startsWith('/api/search?'))) {
      void answerSearch(req, res);
      return;
    }
    void handle(req, res);
  });
  // Node answers these itself, with a bare response (or none): give them the security headers too.
  server.on('connect', (req: IncomingMessage, socket: Duplex) =>
    endRaw(socket, screenRequest('CONNECT', req.url)!),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    endRaw(socket, unreadableRequest(error.code)),
  );
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`serve: listening on http://${hostname}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Pages fall back to SITE_URL for their absolute links, so it must be one. */
function checkSiteUrl(): void {
  const url = URL.parse(siteUrl());
  if (!url || !/^https?:$/.test(url.protocol))
    throw new Error(
      `serve: SITE_URL ${JSON.stringify(siteUrl())} is not an absolute http(s) URL; set it to the site's public origin, e.g. https://search.example.org`,
    );
}

async function answerSearch(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: EndpointResponse;
  try {
    const query = req.url!.slice('/api/search'.length);
    const origin = requestOrigin({ get: (name) => headerValue(req, name) });
    response = await searchEndpoint(new URLSearchParams(query), origin);
  } catch (error) {
    console.error('serve: /api/search failed:', error);
    response = errorResponse(500, 'the search failed; please try again');
  }
  send(req, res, response);
}

function send(req: IncomingMessage, res: ServerResponse, response: EndpointResponse): void {
  const headers: Record<string, string | number> = { ...API_HEADERS, ...response.headers };
  // Encoded once: measuring the string and then writing it would read it twice.
  let body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  if (body.length > COMPRESS_ABOVE && /\bgzip\b/.test(headerValue(req, 'accept-encoding') ?? '')) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Writes a response straight to a socket Node has not made a request of, and closes it. */
function endRaw(socket: Duplex, response: EndpointResponse): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  const headers = { ...response.headers, 'Content-Length': body.length, Connection: 'close' };
  const head = [
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
