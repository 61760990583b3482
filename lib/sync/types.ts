import type { SyncTuning } from './tuning';

/** How a site is read, and what a file written from it is named after (`import-ai-<n>.<kind>.html`). */
export type SiteKind = 'substack' | 'wordpress' | 'rss';

export const SITE_KINDS: readonly SiteKind[] = ['substack', 'wordpress', 'rss'];

/** One place sync reads posts from. */
export interface Site {
  kind: SiteKind;
  /** Base URL (`substack`, `wordpress`) or the feed's URL (`rss`), without a trailing slash. */
  url: string;
  /** How progress lines name it: the host, e.g. `jack-clark.net`. */
  name: string;
}

/** One entry of Substack's `GET /api/v1/archive` listing (only the fields sync reads). */
export interface RawSubstackArchiveItem {
  /** URL slug, used to fetch the full post from `/api/v1/posts/{slug}`. */
  slug: string;
  /** Post title as plain text, e.g. "Import AI 463: …". */
  title: string;
  /** Publication timestamp, ISO 8601 in UTC (e.g. `2026-07-06T12:03:00.000Z`). */
  post_date: string;
  /** Public URL of the post. */
  canonical_url: string;
  /** Substack post type (`newsletter`, `podcast`, `thread`…); absent in older payloads. */
  type?: string;
}

/** Substack's `GET /api/v1/posts/{slug}` response (only the fields sync reads). */
export interface RawSubstackPost extends RawSubstackArchiveItem {
  /** Full post body as HTML; `null` when the post is paywalled or empty. */
  body_html: string | null;
}

/** One post from WordPress's `GET /wp-json/wp/v2/posts` (only the fields sync reads). */
export interface RawWordPressPost {
  /** URL slug. */
  slug: string;
  /** Publication time in the site's timezone, without offset (e.g. `2026-07-06T09:00:00`). */
  date: string;
  /** Public URL of the post. */
  link: string;
  /** Title as HTML: may contain entities (`&#8217;`) and inline tags. */
  title: { rendered: string };
  /** Full post body as HTML. */
  content: { rendered: string };
}

/** One `<item>` of an RSS 2.0 feed (only the fields sync reads), entities decoded. */
export interface RawFeedItem {
  /** `<title>`: plain text, though some feeds leave HTML entities in it. */
  title: string;
  /** `<link>`, or the `<guid>` when there is no link. */
  link: string;
  /** `<pubDate>`, RFC 822 (`Mon, 28 Sep 2026 12:32:03 +0000`). */
  pubDate: string;
  /** `<content:encoded>`, the full post HTML, whether the feed sent it as CDATA or as escaped text. */
  contentEncoded?: string;
}

/** An Import AI issue fetched from a site, ready to be written to the catalogue. */
export interface SyncedPost {
  /** Issue number, taken from the title ("Import AI 463: …" → 463). */
  number: number;
  /** Full title as plain text (entities decoded). */
  title: string;
  /** Publication date, ISO `yyyy-mm-dd`. */
  date: string;
  /** Public URL of the post. */
  url: string;
  /** Which kind of site it came from (the file's `source:`). */
  source: SiteKind;
  /** The post's body HTML, exactly as served. */
  html: string;
}

/** A post as a listing page gives it, before sync decides whether it needs the body. */
export interface ListedPost {
  /** Title as plain text. */
  title: string;
  /** Publication date as the site gives it (validated later). */
  date: string;
  /** Public URL of the post. */
  url: string;
  /** Whether the listing already carried the body, so re-reading it costs no request. */
  bodyListed: boolean;
  /** Fetch (or hand over) the body HTML; rejects with a `SyncError` naming the reason. */
  loadBody(): Promise<string>;
}

/** A listing entry that could not even be read (e.g. missing fields). */
export interface UnlistablePost {
  url: string;
  reason: string;
}

/** One page of a site's listing, newest posts first. */
export interface ArchivePage {
  /** 1-based page number. */
  page: number;
  /** Total pages when the site says (WordPress's `X-WP-TotalPages`). */
  of?: number;
  posts: Array<ListedPost | UnlistablePost>;
}

/** A post that could not be synced, with a one-line reason. */
export interface SyncFailure {
  /** The post's URL (or the API URL when the post's own URL is unknown). */
  url: string;
  /** Why it failed, e.g. `body_html is missing`. */
  reason: string;
}

/** What one run did on one site. */
export interface SiteReport {
  /** The site's name, e.g. `jack-clark.net`. */
  site: string;
  /** Listing pages read. */
  pages: number;
  /** Posts listed. */
  posts: number;
  /** Issues written from this site for the first time. */
  written: number;
  /** Files this site's copies rewrote because the post changed. */
  updated: number;
  /** Issues the catalogue already held (and that had not changed). */
  held: number;
  /** Issues whose other copy was chosen (it was richer, or equal and from a site listed earlier). */
  duplicates: number;
  /** Posts that are not Import AI issues. */
  skipped: number;
  /** Posts that could not be synced. */
  failed: number;
  /** Why the site could not be read (in full), e.g. `cannot reach https://jack-clark.net (ENOTFOUND)`. */
  error?: string;
}

export interface SyncOptions {
  /** Where to read from, in order of preference when two copies of an issue are equally rich. */
  sites: readonly Site[];
  /** Directory holding the issue files (`CATALOGUE_DIR`); created on the first write. */
  catalogueDir: string;
  /** Only consider posts published on or after this ISO date (`yyyy-mm-dd`). */
  since?: string;
  /** Receives one-line progress messages; defaults to silence. */
  log?: (line: string) => void;
  /** Fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Overrides of `SYNC_TUNING` (tests use small pages and short waits). */
  tuning?: Partial<SyncTuning>;
}

export interface SyncResult {
  /** Paths of issue files written for the first time. */
  added: string[];
  /** Paths of issue files sync wrote earlier and rewrote because the post changed. */
  updated: string[];
  /** Posts that could not be synced. */
  failures: SyncFailure[];
  /** Per site, in the order given. */
  sites: SiteReport[];
}
