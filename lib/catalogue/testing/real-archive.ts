import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIssueTitle, renderIssueFile, rfc822ToIsoDate } from '../../sync/issue-file';
import { parseFeed } from '../../sync/rss';
import type { RawFeedItem } from '../../sync/types';

/**
 * Where tests find the real archive and the publishers' feeds: `../shared` beside the repository
 * (CI always has it; tests run from the repository's root). Third-party text, read in place and
 * never copied into the project.
 */
export const SHARED_DIR = path.resolve('..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const FEEDS_DIR = path.join(SHARED_DIR, 'feeds');
export const hasRealArchive = existsSync(CORPUS_DIR) && existsSync(FEEDS_DIR);

export type Publisher = 'substack' | 'wordpress';

/** A feed's issue items, read with sync's own feed parser. */
export function readFeedItems(feed: string): (RawFeedItem & { number: number })[] {
  return parseFeed(readFileSync(path.join(FEEDS_DIR, feed), 'utf8'), feed).flatMap((item) => {
    const verdict = parseIssueTitle(item.title);
    return verdict.kind === 'issue' ? [{ ...item, number: verdict.number }] : [];
  });
}

/** The item of a feed for issue `number`, or an error naming the feed. */
export function feedItem(feed: string, number: number): RawFeedItem & { number: number } {
  const item = readFeedItems(feed).find((i) => i.number === number);
  if (!item) throw new Error(`${feed}: no item for issue ${number}`);
  return item;
}

/** A feed item as the catalogue file `npm run sync` writes for it. */
export function asIssueFile(item: RawFeedItem & { number: number }, source: Publisher): string {
  return renderIssueFile({
    number: item.number,
    title: item.title.trim(),
    date: rfc822ToIsoDate(item.pubDate) ?? '',
    url: item.link,
    source,
    html: item.contentEncoded ?? '',
  });
}
