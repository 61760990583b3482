import { SyncError, type HttpClient } from './http';
import type { ArchivePage, ListedPost, RawWordPressPost, UnlistablePost } from './types';

export const WORDPRESS_BASE_URL = 'https://jack-clark.net';

/**
 * Page through `GET {base}/wp-json/wp/v2/posts` (newest first) until the last page.
 * The listing carries full bodies, so `loadBody` makes no request.
 */
export async function* listWordPressArchive(
  client: HttpClient,
  baseUrl: string,
  pageSize: number,
): AsyncGenerator<ArchivePage> {
  for (let page = 1; ; page++) {
    const url = `${baseUrl}/wp-json/wp/v2/posts?per_page=${pageSize}&page=${page}`;
    const response = await client.get(url);
    if (response.status === 400 && isPastLastPage(response.body)) return;
    if (response.status < 200 || response.status >= 300) {
      throw new SyncError(`sync: GET ${url} answered HTTP ${response.status}`);
    }
    let items: unknown;
    try {
      items = JSON.parse(response.body);
    } catch {
      throw new SyncError(`sync: GET ${url} returned unparsable JSON`);
    }
    if (!Array.isArray(items)) {
      throw new SyncError(`sync: GET ${url} returned unexpected JSON (expected an array of posts)`);
    }
    if (items.length === 0) return;
    const totalPages = Number(response.headers.get('x-wp-totalpages'));
    const known = Number.isInteger(totalPages) && totalPages > 0;
    yield {
      label: known ? `page ${page} of ${totalPages}` : `page ${page}`,
      posts: items.map((item: unknown) => toListedPost(baseUrl, item)),
    };
    if (known && page >= totalPages) return;
  }
}

function isPastLastPage(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) && parsed.code === 'rest_post_invalid_page_number';
  } catch {
    return false;
  }
}

function toListedPost(baseUrl: string, item: unknown): ListedPost | UnlistablePost {
  const raw = readWordPressPost(item);
  if (typeof raw === 'string') {
    const link =
      isRecord(item) && typeof item.link === 'string' ? item.link : `${baseUrl}/wp-json/wp/v2/posts`;
    return { url: link, reason: raw };
  }
  const html = raw.content.rendered;
  return {
    title: htmlToPlainText(raw.title.rendered),
    date: raw.date,
    url: raw.link,
    loadBody: () =>
      html.trim() === ''
        ? Promise.reject(new SyncError(`sync: ${raw.link} has an empty content.rendered`))
        : Promise.resolve(html),
  };
}

function readWordPressPost(item: unknown): RawWordPressPost | string {
  if (!isRecord(item)) return 'post is not an object';
  for (const field of ['slug', 'date', 'link'] as const) {
    if (typeof item[field] !== 'string' || item[field] === '') return `post has no ${field}`;
  }
  for (const field of ['title', 'content'] as const) {
    const value = item[field];
    if (!isRecord(value) || typeof value.rendered !== 'string') return `post has no ${field}.rendered`;
  }
  return item as unknown as RawWordPressPost;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  eacute: 'é',
  copy: '©',
  trade: '™',
};

/** Decode the HTML entities WordPress puts in rendered titles (`&#8217;`, `&#x2019;`, `&amp;`…). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity] ?? match;
  });
}

/** Rendered title → plain text: drop inline tags, decode entities, collapse whitespace. */
export function htmlToPlainText(html: string): string {
  return decodeHtmlEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
