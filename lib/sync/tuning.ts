/**
 * Every number that shapes how sync treats the publishers' servers and chooses between copies.
 * The sites are a personal blog and a newsletter host: a first sync is a few hundred requests, spread
 * thin on purpose, and a second one is a handful.
 */
export const SYNC_TUNING = {
  /** Requests on the wire at once, across every site read in one run. */
  maxInFlight: 2,
  /** Extra attempts after a 429, a 5xx, a timeout or a dropped connection. */
  retries: 4,
  /** First backoff delay in ms, doubled on each retry (plus up to 25% jitter). */
  retryBaseMs: 1000,
  /** Upper bound in ms on any single wait, including one a server asks for with `Retry-After`. */
  maxRetryWaitMs: 60_000,
  /** Per-attempt timeout in ms, covering headers and body (a WordPress page of 100 posts is ~3 MB). */
  timeoutMs: 30_000,
  /**
   * A site that has not answered yet in this run must send headers within this many ms, or it counts
   * as unreachable at once, without retries: offline, or behind a firewall that drops packets, sync
   * fails in seconds rather than after minutes of backoff.
   */
  firstContactTimeoutMs: 8_000,
  /** Posts per Substack `/api/v1/archive` request (Substack serves at most 50). */
  substackPageSize: 50,
  /** Posts per WordPress `/wp-json/wp/v2/posts` request (WordPress's maximum is 100). */
  wordpressPageSize: 100,
  /** Feed pages followed at most, for a server that never answers 404 and keeps inventing pages. */
  maxFeedPages: 1000,
  /**
   * When two copies of an issue compete, a copy's richness is the characters of its paragraphs'
   * text plus this many per cited link (a link is worth about a sentence).
   */
  linkWeight: 100,
} as const;

export type SyncTuning = { -readonly [K in keyof typeof SYNC_TUNING]: number };
