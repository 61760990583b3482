import { SyncError, type HttpClient } from './http';

/** What a site's lister needs besides the site's URL. */
export interface ListingContext {
  client: HttpClient;
  /** The site's base URL, without a trailing slash. */
  baseUrl: string;
  /** Posts per listing request. */
  pageSize: number;
  /** Feed pages followed at most (when a lister falls back to the feed). */
  maxFeedPages: number;
  /** One-line notices, e.g. a fallback taken. */
  note(line: string): void;
}

/**
 * A first listing request answered in a way that means "this API is not here" (not "try later"):
 * the API is switched off or blocked (401, 403, 404, 410), or a 2xx that is not the expected JSON
 * (a web page served in its place). The lister then reads the site's feed instead.
 */
export function isNoApiAnswer(status: number): boolean {
  return [401, 403, 404, 410].includes(status) || (status >= 200 && status < 300);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON array a listing answered, or undefined when it answered something else. */
export function readJsonArray(status: number, body: string): unknown[] | undefined {
  if (status < 200 || status >= 300) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Why a listing page that `readJsonArray` refused cannot be used. */
export function unreadableListing(url: string, status: number): SyncError {
  return new SyncError(
    status >= 200 && status < 300
      ? `sync: GET ${url} returned unexpected JSON (expected an array of posts)`
      : `sync: GET ${url} answered HTTP ${status}`,
  );
}
