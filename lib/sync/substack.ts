import { SyncError, type HttpClient } from './http';
import { isNoApiAnswer, isRecord, readJsonArray, unreadableListing, type ListingContext } from './listing';
import { listFeed } from './rss';
import type {
  ArchivePage,
  ListedPost,
  RawSubstackArchiveItem,
  RawSubstackPost,
  UnlistablePost,
} from './types';

/**
 * Page through `GET {base}/api/v1/archive?sort=new`, newest first, until an empty page.
 * Bodies are fetched lazily (`loadBody`) so posts already in the catalogue cost no request.
 * When the archive API is not there at all, falls back to `{base}/feed` (its latest 20 posts).
 */
export async function* listSubstackArchive(ctx: ListingContext): AsyncGenerator<ArchivePage> {
  const { client, baseUrl, pageSize } = ctx;
  const seenSlugs = new Set<string>();
  let offset = 0;
  for (let page = 1; ; page++) {
    const url = `${baseUrl}/api/v1/archive?sort=new&offset=${offset}&limit=${pageSize}`;
    const response = await client.get(url);
    const items = readJsonArray(response.status, response.body);
    if (items === undefined) {
      if (page === 1 && isNoApiAnswer(response.status)) {
        ctx.note(
          `GET ${url} answered HTTP ${response.status}; reading ${baseUrl}/feed instead (latest posts only)`,
        );
        yield* listFeed(client, `${baseUrl}/feed`, ctx.maxFeedPages);
        return;
      }
      throw unreadableListing(url, response.status);
    }
    if (items.length === 0) return;
    const posts = items.map((item: unknown) => toListedPost(client, baseUrl, item));
    const slugs = posts.flatMap((post) => ('slug' in post ? [post.slug] : []));
    // A server that ignores `offset` answers every page with the first: that is the end.
    const fresh = slugs.filter((slug) => !seenSlugs.has(slug));
    if (slugs.length > 0 && fresh.length === 0) return;
    slugs.forEach((slug) => seenSlugs.add(slug));
    yield { page, posts };
    offset += items.length;
  }
}

function toListedPost(
  client: HttpClient,
  baseUrl: string,
  item: unknown,
): (ListedPost & { slug: string }) | UnlistablePost {
  const raw = readArchiveItem(item);
  if (typeof raw === 'string') {
    const slug = isRecord(item) && typeof item.slug === 'string' ? item.slug : '?';
    return { url: `${baseUrl}/p/${slug}`, reason: raw };
  }
  // The archive normally lists posts without bodies; when an entry does carry one, no request is needed.
  const listed = isRecord(item) && typeof item.body_html === 'string' && item.body_html.trim() !== '';
  const body = listed ? String(item.body_html) : undefined;
  return {
    slug: raw.slug,
    title: raw.title.trim(),
    date: raw.post_date,
    url: raw.canonical_url,
    bodyListed: listed,
    loadBody: () =>
      body !== undefined ? Promise.resolve(body) : fetchSubstackBody(client, baseUrl, raw.slug),
  };
}

/** Fetch `GET {base}/api/v1/posts/{slug}` and return its `body_html`. */
export async function fetchSubstackBody(client: HttpClient, baseUrl: string, slug: string): Promise<string> {
  const url = `${baseUrl}/api/v1/posts/${encodeURIComponent(slug)}`;
  const post = (await client.getJson(url)) as Partial<RawSubstackPost> | null;
  if (!isRecord(post)) throw new SyncError(`sync: GET ${url} returned unexpected JSON (expected a post)`);
  const body = post.body_html;
  if (typeof body !== 'string' || body.trim() === '') {
    throw new SyncError(`sync: GET ${url} has no body_html (paywalled or empty post?)`);
  }
  return body;
}

/** Validate an archive entry; returns the reason as a string when it is unusable. */
function readArchiveItem(item: unknown): RawSubstackArchiveItem | string {
  if (!isRecord(item)) return 'archive entry is not an object';
  for (const field of ['slug', 'title', 'post_date', 'canonical_url'] as const) {
    if (typeof item[field] !== 'string' || item[field] === '') return `archive entry has no ${field}`;
  }
  return item as unknown as RawSubstackArchiveItem;
}
