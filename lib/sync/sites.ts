import { SyncError } from './http';
import type { Site, SiteKind } from './types';

/**
 * A site to read. `setting` names where the URL came from, for the error message
 * (`SUBSTACK_URL`, `--feed`…). Base URLs lose a trailing slash; a feed URL is kept whole.
 */
export function makeSite(kind: SiteKind, url: string, setting: string): Site {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncError(`sync: ${setting} "${url}" is not a URL (expected http(s)://host)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SyncError(`sync: ${setting} "${url}" is not an http(s) URL`);
  }
  const normalised =
    kind === 'rss' ? parsed.toString() : `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  return { kind, url: normalised, name: parsed.host };
}

/** Which sites one run reads: both publishers, one of them, or one RSS feed. */
export interface SiteChoice {
  /** Unset: both publishers. */
  source?: SiteKind;
  /** The feed to read with `source: 'rss'`. */
  feed?: string;
  /** Base URLs of the publishers. */
  substackUrl: string;
  wordpressUrl: string;
}

/**
 * The sites to read, jack-clark.net before importai.substack.com: it holds every issue since 2016,
 * and when two copies of an issue are equally rich the earlier site's copy is kept.
 */
export function chooseSites(choice: SiteChoice): Site[] {
  const { source, feed } = choice;
  if (feed !== undefined && source !== 'rss') throw new SyncError('sync: --feed goes with --source rss');
  if (source === 'rss') {
    if (feed === undefined) throw new SyncError('sync: --source rss needs --feed URL (an RSS 2.0 feed)');
    return [makeSite('rss', feed, '--feed')];
  }
  const wordpress = makeSite('wordpress', choice.wordpressUrl, 'WORDPRESS_URL');
  const substack = makeSite('substack', choice.substackUrl, 'SUBSTACK_URL');
  if (source === 'wordpress') return [wordpress];
  if (source === 'substack') return [substack];
  return [wordpress, substack];
}
