/** Where a synced issue was fetched from. */
export type SyncSource = 'substack' | 'wordpress';

export const SYNC_SOURCES: readonly SyncSource[] = ['substack', 'wordpress'];

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

/** An Import AI issue fetched from a live archive, ready to be written to the catalogue. */
export interface SyncedPost {
  /** Issue number, taken from the title ("Import AI 463: …" → 463). */
  number: number;
  /** Full title as plain text (entities decoded). */
  title: string;
  /** Publication date, ISO `yyyy-mm-dd`. */
  date: string;
  /** Public URL of the post. */
  url: string;
  /** Which archive it came from. */
  source: SyncSource;
  /** The post's body HTML, exactly as served. */
  html: string;
}

/** A post that could not be synced, with a one-line reason. */
export interface SyncFailure {
  /** The post's URL (or the API URL when the post's own URL is unknown). */
  url: string;
  /** Why it failed, e.g. `body_html is missing`. */
  reason: string;
}

export interface SyncOptions {
  /** Which archive to read. */
  source: SyncSource;
  /** Base URL of the publication; defaults to the real one for `source`. */
  baseUrl?: string;
  /** Only consider posts published on or after this ISO date (`yyyy-mm-dd`). */
  since?: string;
  /** Directory holding the issue files (`CATALOGUE_DIR`); created if missing. */
  catalogueDir: string;
  /** Receives one-line progress messages; defaults to silence. */
  log?: (line: string) => void;
  /** Fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Base delay of the exponential retry backoff, in ms (default 1000). */
  retryBaseMs?: number;
  /** Posts requested per archive page (default 20). */
  pageSize?: number;
}

export interface SyncResult {
  /** Paths of issue files written for the first time. */
  added: string[];
  /** Paths of issue files sync wrote earlier and rewrote because the post changed. */
  updated: string[];
  /** Posts whose issue was already in the catalogue and unchanged (or not re-checked). */
  unchanged: number;
  /** Posts that are not Import AI issues. */
  skipped: number;
  /** Posts that could not be synced. */
  failures: SyncFailure[];
}

/** A post as listed by an archive page, before sync decides whether it needs the body. */
export interface ListedPost {
  /** Title as plain text. */
  title: string;
  /** Publication timestamp as given by the API (validated later). */
  date: string;
  /** Public URL of the post. */
  url: string;
  /** Fetch (or hand over) the body HTML; rejects with a `SyncError` naming the reason. */
  loadBody(): Promise<string>;
}

/** An archive entry that could not even be listed (e.g. missing fields). */
export interface UnlistablePost {
  url: string;
  reason: string;
}

/** One page of an archive listing. */
export interface ArchivePage {
  /** For progress lines, e.g. `page 2 (offset 20)` or `page 2 of 5`. */
  label: string;
  posts: Array<ListedPost | UnlistablePost>;
}
