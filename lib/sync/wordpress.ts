import { SyncError } from './http';
import { htmlToPlainText } from './html-text';
import { isNoApiAnswer, isRecord, readJsonArray, unreadableListing, type ListingContext } from './listing';
import { listFeed } from './rss';
import type { ArchivePage, ListedPost, RawWordPressPost, UnlistablePost } from './types';

/**
 * Page through `GET {base}/wp-json/wp/v2/posts` (newest first) until the last page, which
 * `X-WP-TotalPages` announces and a 400 past it confirms. The listing carries full bodies, so
 * `loadBody` makes no request. When the REST API is switched off, falls back to the paged feed
 * (`{base}/feed/?paged=N`), which holds the same posts ten at a time.
 */
export async function* listWordPressArchive(ctx: ListingContext): AsyncGenerator<ArchivePage> {
  const { client, baseUrl, pageSize } = ctx;
  for (let page = 1; ; page++) {
    const url = `${baseUrl}/wp-json/wp/v2/posts?per_page=${pageSize}&page=${page}`;
    const response = await client.get(url);
    if (response.status === 400 && isPastLastPage(response.body)) return;
    const items = readJsonArray(response.status, response.body);
    if (items === undefined) {
      if (page === 1 && isNoApiAnswer(response.status)) {
        ctx.note(
          `GET ${url} answered HTTP ${response.status}; reading ${baseUrl}/feed/ page by page instead`,
        );
        yield* listFeed(client, `${baseUrl}/feed/`, ctx.maxFeedPages);
        return;
      }
      throw unreadableListing(url, response.status);
    }
    if (items.length === 0) return;
    const totalPages = Number(response.headers.get('x-wp-totalpages'));
    const known = Number.isInteger(totalPages) && totalPages > 0;
    yield {
      page,
      of: known ? totalPages : undefined,
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
    bodyListed: true,
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
