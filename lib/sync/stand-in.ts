// Test helper: loopback stand-ins for importai.substack.com and jack-clark.net, serving given posts in
// each site's own shape (Substack's archive API and feed; WordPress's REST API and paged feed).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post, as both sites would hold it. */
export interface StandInPost {
  /** Title as plain text (the WordPress stand-in renders it with entities, as WordPress does). */
  title: string;
  /** Publication time, ISO 8601 in UTC. */
  published: string;
  /** The post's public URL. */
  link: string;
  slug: string;
  /** Body HTML. */
  html: string;
  /** The post's `<item>` exactly as a real feed had it, served verbatim by the feed routes. */
  feedItem?: string;
}

export interface StandInOptions {
  /** Hold every response this long so overlapping requests can be seen (default 5 ms). */
  responseDelayMs?: number;
  /** Statuses to answer (once each, in order) before serving a route normally, by route key. */
  faults?: Record<string, number[]>;
  /** Counts requests in flight; share one between two stand-ins to see a client's total. */
  tracker?: InFlightTracker;
  /** WordPress: posts per feed page (the site's "syndication feeds show the most recent" setting). */
  feedPageSize?: number;
  /** How feeds send `content:encoded`: as CDATA (the default) or as escaped text. */
  feedStyle?: 'cdata' | 'escaped';
  /** WordPress: send `X-WP-Total`/`X-WP-TotalPages` (default true). */
  sendTotalPages?: boolean;
  /** WordPress: serve the REST API (default true); false answers 401, as a "disable REST" setting does. */
  rest?: boolean;
  /** Substack: list each post's `body_html` in the archive too, as some of Substack's listings do. */
  archiveBodies?: boolean;
  /** Substack: slugs whose `/api/v1/posts/{slug}` answers cut-off JSON. */
  brokenPosts?: string[];
}

export interface InFlightTracker {
  current: number;
  max: number;
}

export interface StandIn {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  baseUrl: string;
  /** Every request received, in order: route key (`archive:0`, `post:<slug>`, `rest:2`, `feed:3`), path, User-Agent. */
  requests: Array<{ route: string; url: string; userAgent: string | undefined }>;
  /** The posts served, newest first. Mutable. */
  posts: StandInPost[];
  close(): Promise<void>;
}

const SUBSTACK_FEED_ITEMS = 20;
const SUBSTACK_MAX_LIMIT = 50;
const WORDPRESS_MAX_PER_PAGE = 100;

/** A stand-in for a Substack publication: `/api/v1/archive`, `/api/v1/posts/{slug}`, `/feed`. */
export function startSubstackStandIn(posts: StandInPost[], options: StandInOptions = {}): Promise<StandIn> {
  const broken = new Set(options.brokenPosts ?? []);
  return startStandIn(posts, options, (url, state) => {
    if (url.pathname === '/api/v1/archive') {
      const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
      const limit = Math.min(SUBSTACK_MAX_LIMIT, Number(url.searchParams.get('limit') ?? 12) || 12);
      const slice = state.posts.slice(offset, offset + limit);
      const items = slice.map((p) =>
        options.archiveBodies ? { ...toSubstackArchiveItem(p), body_html: p.html } : toSubstackArchiveItem(p),
      );
      return { key: `archive:${offset}`, status: 200, body: JSON.stringify(items) };
    }
    const post = /^\/api\/v1\/posts\/([^/]+)$/.exec(url.pathname);
    if (post) {
      const slug = decodeURIComponent(post[1] ?? '');
      const found = state.posts.find((p) => p.slug === slug);
      const key = `post:${slug}`;
      if (!found) return { key, status: 404, body: JSON.stringify({ error: 'Post not found' }) };
      const body = JSON.stringify({ ...toSubstackArchiveItem(found), body_html: found.html });
      return { key, status: 200, body: broken.has(slug) ? body.slice(0, 60) : body };
    }
    if (url.pathname === '/feed') {
      const items = state.posts.slice(0, SUBSTACK_FEED_ITEMS);
      return {
        key: 'feed:1',
        status: 200,
        type: RSS_TYPE,
        body: renderFeed('substack', items, options.feedStyle),
      };
    }
    return { key: `unknown:${url.pathname}`, status: 404, type: 'text/html', body: '<h1>Not found</h1>' };
  });
}

/** A stand-in for a WordPress site: `/wp-json/wp/v2/posts` and `/feed/?paged=N`. */
export function startWordPressStandIn(posts: StandInPost[], options: StandInOptions = {}): Promise<StandIn> {
  const feedPageSize = options.feedPageSize ?? 10;
  return startStandIn(posts, options, (url, state) => {
    if (url.pathname === '/wp-json/wp/v2/posts') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 10);
      const key = `rest:${page}`;
      if (options.rest === false) {
        return {
          key,
          status: 401,
          body: wpError('rest_cannot_access', 'Only authenticated users can access the REST API.', 401),
        };
      }
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > WORDPRESS_MAX_PER_PAGE) {
        return {
          key,
          status: 400,
          body: wpError('rest_invalid_param', 'Invalid parameter(s): per_page', 400),
        };
      }
      const total = state.posts.length;
      const totalPages = Math.ceil(total / perPage);
      if (!Number.isInteger(page) || page < 1 || page > Math.max(1, totalPages)) {
        const message = 'The page number requested is larger than the number of pages available.';
        return { key, status: 400, body: wpError('rest_post_invalid_page_number', message, 400) };
      }
      const slice = state.posts.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> =
        options.sendTotalPages === false
          ? {}
          : { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) };
      if (page < totalPages) {
        headers.Link = `<${state.baseUrl}/wp-json/wp/v2/posts?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      }
      return {
        key,
        status: 200,
        headers,
        body: JSON.stringify(slice.map((p, i) => toWordPressPost(p, total - i))),
      };
    }
    if (url.pathname === '/feed/' || url.pathname === '/feed') {
      const page = Number(url.searchParams.get('paged') ?? 1);
      const slice = state.posts.slice((page - 1) * feedPageSize, page * feedPageSize);
      const key = `feed:${page}`;
      if (!Number.isInteger(page) || page < 1 || slice.length === 0) {
        return { key, status: 404, type: 'text/html', body: '<h1>Page not found</h1>' };
      }
      return { key, status: 200, type: RSS_TYPE, body: renderFeed('wordpress', slice, options.feedStyle) };
    }
    return {
      key: `unknown:${url.pathname}`,
      status: 404,
      type: 'text/html',
      body: '<h1>Page not found</h1>',
    };
  });
}

interface Answer {
  key: string;
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

const RSS_TYPE = 'application/rss+xml; charset=UTF-8';

async function startStandIn(
  posts: StandInPost[],
  options: StandInOptions,
  route: (url: URL, state: { posts: StandInPost[]; baseUrl: string }) => Answer,
): Promise<StandIn> {
  const delayMs = options.responseDelayMs ?? 5;
  const tracker = options.tracker ?? { current: 0, max: 0 };
  const faults = new Map(Object.entries(options.faults ?? {}).map(([key, list]) => [key, [...list]]));
  const state = { posts, baseUrl: '', requests: [] as StandIn['requests'] };

  function send(res: ServerResponse, answer: Answer): void {
    setTimeout(() => {
      res.writeHead(answer.status, {
        'Content-Type': answer.type ?? 'application/json; charset=utf-8',
        ...answer.headers,
      });
      res.end(answer.body);
    }, delayMs);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    tracker.current++;
    tracker.max = Math.max(tracker.max, tracker.current);
    res.on('close', () => tracker.current--);
    const url = new URL(req.url ?? '/', 'http://stand-in.local');
    const answer = route(url, state);
    state.requests.push({
      route: answer.key,
      url: url.pathname + url.search,
      userAgent: req.headers['user-agent'],
    });
    const fault = faults.get(answer.key)?.shift();
    if (fault !== undefined) {
      const headers: Record<string, string> = fault === 429 ? { 'Retry-After': '0' } : {};
      return send(res, {
        key: answer.key,
        status: fault,
        headers,
        body: JSON.stringify({ error: `fault ${fault}` }),
      });
    }
    send(res, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}`;

  return {
    get baseUrl() {
      return state.baseUrl;
    },
    requests: state.requests,
    get posts() {
      return state.posts;
    },
    set posts(next: StandInPost[]) {
      state.posts = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A loopback port with nothing listening on it: connecting is refused, as with a site that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function toSubstackArchiveItem(post: StandInPost) {
  return {
    id: hashId(post.slug),
    publication_id: 1,
    title: post.title,
    social_title: null,
    search_engine_title: null,
    subtitle: '',
    slug: post.slug,
    post_date: post.published,
    audience: 'everyone',
    type: 'newsletter',
    canonical_url: post.link,
    wordcount: post.html
      .replace(/<[^>]*>/g, ' ')
      .split(/\s+/)
      .filter(Boolean).length,
    description: '',
    reactions: { '❤': 0 },
  };
}

function toWordPressPost(post: StandInPost, id: number) {
  // WordPress gives site-local time without an offset; the stand-in's site runs on UTC.
  const local = post.published.replace(/(\.\d+)?Z$/, '');
  return {
    id,
    date: local,
    date_gmt: local,
    guid: { rendered: `https://standin.example/?p=${id}` },
    modified: local,
    modified_gmt: local,
    slug: post.slug,
    status: 'publish',
    type: 'post',
    link: post.link,
    title: { rendered: texturize(post.title) },
    content: { rendered: post.html, protected: false },
    excerpt: { rendered: '', protected: false },
    author: 1,
    featured_media: 0,
    comment_status: 'open',
    ping_status: 'open',
    sticky: false,
    template: '',
    format: 'standard',
    meta: [],
    categories: [1],
    tags: [],
  };
}

/** Titles as WordPress renders them: `&` and typographic punctuation as entities. */
function texturize(title: string): string {
  return title.replace(/&/g, '&amp;').replace(/[‘’“”–—…]/g, (char) => `&#${char.codePointAt(0)};`);
}

function wpError(code: string, message: string, status: number): string {
  return JSON.stringify({ code, message, data: { status } });
}

function renderFeed(
  kind: 'substack' | 'wordpress',
  posts: StandInPost[],
  style: StandInOptions['feedStyle'],
) {
  const items = posts
    .map((post) => post.feedItem ?? renderItem(post))
    .map((item) => (style === 'escaped' ? escapeCdata(item) : item));
  const generator = kind === 'substack' ? 'Substack' : 'http://wordpress.com/';
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">`,
    `<channel><title>Import AI</title><link>https://standin.example</link><description>Stand-in</description>`,
    `<generator>${generator}</generator>`,
    ...items,
    `</channel></rss>`,
  ].join('\n');
}

function renderItem(post: StandInPost): string {
  return [
    '<item>',
    `<title>${escapeXml(post.title)}</title>`,
    `<link>${escapeXml(post.link)}</link>`,
    '<dc:creator><![CDATA[Jack Clark]]></dc:creator>',
    `<pubDate>${new Date(post.published).toUTCString().replace('GMT', '+0000')}</pubDate>`,
    `<guid isPermaLink="false">${escapeXml(post.link)}</guid>`,
    `<content:encoded><![CDATA[${post.html.replaceAll(']]>', ']]]]><![CDATA[>')}]]></content:encoded>`,
    '</item>',
  ].join('\n');
}

/** The same XML with every CDATA section written as escaped text instead. */
function escapeCdata(xml: string): string {
  return xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => escapeXml(text));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function hashId(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 1_000_000_000;
}
