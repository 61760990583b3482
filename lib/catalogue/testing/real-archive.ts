import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where tests find the real archive and the publishers' feeds: `../shared` beside the repository
 * (CI always has it; tests run from the repository's root). Third-party text, read in place and
 * never copied into the project.
 */
export const SHARED_DIR = path.resolve('..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const FEEDS_DIR = path.join(SHARED_DIR, 'feeds');
export const hasRealArchive = existsSync(CORPUS_DIR) && existsSync(FEEDS_DIR);

export interface FeedItem {
  title: string;
  link: string;
  /** `content:encoded`: the publisher's body HTML. */
  html: string;
}

/** The items of an RSS 2.0 feed file in ../shared/feeds (content as CDATA or as escaped text). */
export function readFeedItems(file: string): FeedItem[] {
  const xml = readFileSync(path.join(FEEDS_DIR, file), 'utf8');
  return [...xml.matchAll(/<item\b[^>]*>([\s\S]*?)<\/item>/g)].map(([, item = '']) => ({
    title: xmlText(item, 'title'),
    link: xmlText(item, 'link'),
    html: xmlText(item, 'content:encoded'),
  }));
}

function xmlText(item: string, tag: string): string {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(item);
  const raw = match?.[1] ?? '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
  if (cdata) return cdata[1]!;
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();
}

/** The item of a feed for issue `number` (by its title), or an error naming the feed. */
export function feedItem(file: string, number: number): FeedItem {
  const item = readFeedItems(file).find((i) => new RegExp(`\\bImport ?AI ${number}\\b`, 'i').test(i.title));
  if (!item) throw new Error(`${file}: no item for issue ${number}`);
  return item;
}

/** A feed item as a catalogue file: the front matter `npm run sync` writes, then the item's HTML. */
export function asIssueFile(item: FeedItem, source: 'substack' | 'wordpress'): string {
  return [
    '---',
    `title: ${JSON.stringify(item.title.trim())}`,
    `url: ${item.link.trim()}`,
    `source: ${source}`,
    '---',
    item.html,
  ].join('\n');
}
