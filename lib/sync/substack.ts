import { SyncError, type HttpClient } from './http';
import type {
  ArchivePage,
  ListedPost,
  RawSubstackArchiveItem,
  RawSubstackPost,
  UnlistablePost,
} from './types';

export const SUBSTACK_BASE_URL = 'https://importai.substack.com';

/**
 * Page through `GET {base}/api/v1/archive?sort=new`, newest first, until an empty page.
 * Bodies are fetched lazily (`loadBody`) so posts already in the catalogue cost no request.
 */
export async function* listSubstackArchive(
  client: HttpClient,
  baseUrl: string,
  pageSize: number,
): AsyncGenerator<ArchivePage> {
  const seenSlugs = new Set<string>();
  let offset = 0;
  for (let page = 1; ; page++) {
    const url = `${baseUrl}/api/v1/archive?sort=new&offset=${offset}&limit=${pageSize}`;
    const items = await client.getJson(url);
    if (!Array.isArray(items)) {
      throw new SyncError(`sync: GET ${url} returned unexpected JSON (expected an array of posts)`);
    }
    if (items.length === 0) return;
    const posts = items.map((item: unknown) => toListedPost(client, baseUrl, item));
    const slugs = posts.flatMap((post) => ('slug' in post ? [post.slug] : []));
    // A server that ignores `offset` would otherwise keep us paging forever.
    if (slugs.length > 0 && slugs.every((slug) => seenSlugs.has(slug))) {
      throw new SyncError(`sync: GET ${url} repeated an earlier page (does the server ignore offset?)`);
    }
    slugs.forEach((slug) => seenSlugs.add(slug));
    yield { label: `page ${page} (offset ${offset})`, posts };
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
  return {
    slug: raw.slug,
    title: raw.title.trim(),
    date: raw.post_date,
    url: raw.canonical_url,
    loadBody: () => fetchSubstackBody(client, baseUrl, raw.slug),
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
