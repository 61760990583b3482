import { createHash } from 'node:crypto';
import YAML from 'yaml';
import type { SiteKind, SyncedPost } from './types';

const ISSUE_TITLE = /^import\s*ai\s*:?\s*(?:(?:issue|no\.?)\s*)?#?\s*(\d+)(?!\d)/i;
/** Starts like a numbered issue title ("Import AI: …", "Import AI #…") but has no number. */
const ISSUE_TITLE_PREFIX = /^import\s*ai\s*(?::|#|issue\b|no\.)/i;

export type TitleVerdict =
  | { kind: 'issue'; number: number }
  /** `note` says why a title that looks like an issue's is not read as one. */
  | { kind: 'not-issue'; note?: string };

/** Read an issue number from a title such as "Import AI 463: …", "ImportAI #463" or "Import AI: Issue 39: …". */
export function parseIssueTitle(title: string): TitleVerdict {
  const trimmed = title.trim();
  const match = ISSUE_TITLE.exec(trimmed);
  if (match?.[1] !== undefined) {
    const number = Number(match[1]);
    if (number > 0) return { kind: 'issue', number };
  }
  if (ISSUE_TITLE_PREFIX.test(trimmed)) return { kind: 'not-issue', note: 'no issue number in the title' };
  return { kind: 'not-issue' };
}

/** `2026-07-06T12:03:00.000Z` / `2026-07-06T09:00:00` → `2026-07-06`; undefined unless a real calendar date. */
export function toIsoDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An RSS `pubDate` (`Mon, 28 Sep 2026 12:32:03 +0000`) → `2026-09-28`: the calendar day as the
 * publisher wrote it, in its own offset, so the date matches the post's permalink.
 */
export function rfc822ToIsoDate(value: string): string | undefined {
  const match = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})/i.exec(value);
  if (!match) return undefined;
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return undefined;
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return toIsoDate(iso);
}

/** The file name sync writes an issue to. */
export function toIssueFileName(post: { number: number; source: SiteKind }): string {
  return `import-ai-${post.number}.${post.source}.html`;
}

/** Recognises a file sync wrote, by name: `import-ai-<n>.<kind>.html`. */
export const SYNC_FILE_NAME = /^import-ai-(\d+)\.(substack|wordpress|rss)\.html$/;

/** Render an issue file: YAML front matter (the catalogue parser's contract) then the body HTML. */
export function renderIssueFile(post: SyncedPost): string {
  const doc = new YAML.Document({
    number: post.number,
    title: post.title,
    date: post.date,
    url: post.url,
    source: post.source,
    content_sha256: sha256(post.html),
  });
  const title = doc.get('title', true);
  if (YAML.isScalar(title)) title.type = 'QUOTE_DOUBLE';
  const body = post.html.endsWith('\n') ? post.html : `${post.html}\n`;
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
