import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ACCEPT_FEED, SyncError, type HttpClient } from './http';
import { titleText } from './html-text';
import { rfc822ToIsoDate } from './issue-file';
import type { ArchivePage, ListedPost, RawFeedItem, UnlistablePost } from './types';

const parser = new XMLParser({
  ignoreAttributes: true,
  // Feeds spell the content namespace's prefix as they like; the local name is what matters.
  removeNSPrefix: true,
  // Numeric character references (`&#8217;`) are XML too, and must be decoded exactly once.
  htmlEntities: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'item',
});

/**
 * Read an RSS 2.0 document's items. `content:encoded` may be CDATA or escaped text (the same XML).
 * Throws a `SyncError` naming `url` when the document is not well-formed XML or not RSS 2.0.
 */
export function parseFeed(xml: string, url: string): RawFeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new SyncError(`sync: ${url} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const doc = parser.parse(xml) as { rss?: { channel?: { item?: unknown[] } } };
  const channel = doc.rss?.channel;
  if (!isRecord(channel)) {
    throw new SyncError(`sync: ${url} is not an RSS 2.0 feed (no <rss><channel>; Atom is not supported)`);
  }
  return (channel.item ?? []).filter(isRecord).map((item) => ({
    title: text(item.title),
    link: text(item.link).trim() || text(item.guid).trim(),
    pubDate: text(item.pubDate).trim(),
    contentEncoded: item.encoded === undefined ? undefined : text(item.encoded),
  }));
}

/**
 * Page through a feed, newest first: the URL as given, then WordPress's `?paged=2`, `?paged=3`…
 * until a 404, an empty page, or a page with no item an earlier page did not already hold (a feed
 * that ignores `paged`, like Substack's, answers every page with the first).
 */
export async function* listFeed(
  client: HttpClient,
  feedUrl: string,
  maxPages: number,
): AsyncGenerator<ArchivePage> {
  const seen = new Set<string>();
  for (let page = 1; page <= maxPages; page++) {
    const url = pagedUrl(feedUrl, page);
    const response = await client.get(url, ACCEPT_FEED);
    if (response.status === 404 && page > 1) return;
    if (response.status < 200 || response.status >= 300) {
      throw new SyncError(`sync: GET ${url} answered HTTP ${response.status}`);
    }
    const items = parseFeed(response.body, url);
    const fresh = items.filter((item) => !seen.has(item.link));
    if (fresh.length === 0) return;
    fresh.forEach((item) => seen.add(item.link));
    yield { page, posts: fresh.map((item) => toListedPost(item, url)) };
  }
}

function pagedUrl(feedUrl: string, page: number): string {
  if (page === 1) return feedUrl;
  const url = new URL(feedUrl);
  url.searchParams.set('paged', String(page));
  return url.toString();
}

function toListedPost(item: RawFeedItem, pageUrl: string): ListedPost | UnlistablePost {
  if (item.link === '') return { url: pageUrl, reason: `feed item "${item.title}" has no <link> or <guid>` };
  const html = item.contentEncoded;
  return {
    title: titleText(item.title),
    // The listing's dates are ISO; a feed's are RFC 822, converted here so one check serves both.
    date: rfc822ToIsoDate(item.pubDate) ?? item.pubDate,
    url: item.link,
    bodyListed: true,
    loadBody: () =>
      html === undefined || html.trim() === ''
        ? Promise.reject(
            new SyncError(`sync: ${item.link} has no content:encoded in the feed (summaries only?)`),
          )
        : Promise.resolve(html),
  };
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // An element with attributes kept would be an object; with `ignoreAttributes` only a bare text node.
  if (isRecord(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
