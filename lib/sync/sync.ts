import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { createHttpClient, SyncError, UnreachableError } from './http';
import { listSubstackArchive, SUBSTACK_BASE_URL } from './substack';
import type {
  ArchivePage,
  ListedPost,
  SyncedPost,
  SyncFailure,
  SyncOptions,
  SyncResult,
  SyncSource,
  UnlistablePost,
} from './types';
import { listWordPressArchive, WORDPRESS_BASE_URL } from './wordpress';

export const DEFAULT_BASE_URLS: Readonly<Record<SyncSource, string>> = {
  substack: SUBSTACK_BASE_URL,
  wordpress: WORDPRESS_BASE_URL,
};

const DEFAULT_PAGE_SIZE = 20;
const CATALOGUE_EXTENSIONS = new Set(['.md', '.txt', '.html']);
const SYNC_FILE_NAME = /^import-ai-(\d+)\.(substack|wordpress)\.html$/;
/** Enough for any front matter sync writes, and the "first ~2 KB" other files are searched in. */
const HEAD_BYTES = 4096;
const OTHER_FILE_HEAD_CHARS = 2048;

const ISSUE_TITLE = /^import\s*ai\s*:?\s*(?:(?:issue|no\.?)\s*)?#?\s*(\d+)(?!\d)/i;
/** Starts like a numbered issue title ("Import AI: …", "Import AI #…") but may have lost its number. */
const ISSUE_TITLE_PREFIX = /^import\s*ai\s*(?::|#|issue\b|no\.)/i;

/** What the catalogue already holds for one issue number. */
type CatalogueEntry =
  | { file: string; bySync: false }
  | {
      file: string;
      bySync: true;
      source: SyncSource;
      sha256: string;
      title: string;
      date: string;
      url: string;
    };

type TitleVerdict =
  { kind: 'issue'; number: number } | { kind: 'not-issue' } | { kind: 'malformed'; reason: string };

/** Read an issue number from a title such as "Import AI 463: …", "Import AI #463" or "Import AI: Issue 39: …". */
export function parseIssueTitle(title: string): TitleVerdict {
  const trimmed = title.trim();
  const match = ISSUE_TITLE.exec(trimmed);
  if (match?.[1] !== undefined) {
    const number = Number(match[1]);
    if (number > 0) return { kind: 'issue', number };
  }
  if (ISSUE_TITLE_PREFIX.test(trimmed))
    return { kind: 'malformed', reason: `title "${trimmed}" has no issue number` };
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

/** The file name sync writes an issue to. */
export function toIssueFileName(post: Pick<SyncedPost, 'number' | 'source'>): string {
  return `import-ai-${post.number}.${post.source}.html`;
}

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

/**
 * Pull Import AI issues from the live archive into `catalogueDir`, one file per issue.
 * Issues already in the catalogue (in any file) are not fetched again; files sync wrote earlier are
 * rewritten when the post changed. Files sync did not write are never modified.
 * Rejects with a `SyncError` when the archive cannot be read at all; single bad posts are reported in
 * `failures` and the rest continue.
 */
export async function syncCatalogue(options: SyncOptions): Promise<SyncResult> {
  const { source, catalogueDir } = options;
  const log = options.log ?? (() => {});
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URLS[source]);
  const since = options.since;
  if (since !== undefined && toIsoDate(since) !== since) {
    throw new SyncError(`sync: invalid since date "${since}" (expected YYYY-MM-DD)`);
  }
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new SyncError(`sync: invalid page size ${pageSize} (expected an integer from 1 to 100)`);
  }
  const client = createHttpClient({ fetch: options.fetch, retryBaseMs: options.retryBaseMs });

  await mkdir(catalogueDir, { recursive: true });
  const catalogue = await scanCatalogue(catalogueDir);
  // Substack needs one request per post to see its body, so posts sync already wrote are only
  // re-checked within an explicit --since window; WordPress lists bodies, so re-checking is free.
  const recheckOwnFiles = source === 'wordpress' || since !== undefined;

  const result: SyncResult = { added: [], updated: [], unchanged: 0, skipped: 0, failures: [] };
  const claimed = new Map<number, string>();

  const fail = (failure: SyncFailure): void => {
    result.failures.push(failure);
    log(`sync: failed ${failure.url}: ${failure.reason}`);
  };

  async function processPost(
    post: ListedPost | UnlistablePost,
  ): Promise<'new' | 'updated' | 'old' | 'other'> {
    if ('reason' in post) {
      fail(post);
      return 'other';
    }
    const date = toIsoDate(post.date);
    if (date !== undefined && since !== undefined && date < since) return 'old';
    const verdict = parseIssueTitle(post.title);
    if (verdict.kind === 'not-issue') {
      result.skipped++;
      return 'other';
    }
    if (verdict.kind === 'malformed') {
      fail({ url: post.url, reason: verdict.reason });
      return 'other';
    }
    if (date === undefined) {
      fail({ url: post.url, reason: `invalid date "${post.date}"` });
      return 'other';
    }
    const { number } = verdict;
    const earlier = claimed.get(number);
    if (earlier !== undefined) {
      fail({ url: post.url, reason: `issue ${number} appears twice in the archive (also ${earlier})` });
      return 'other';
    }
    claimed.set(number, post.url);

    const entries = catalogue.get(number) ?? [];
    const own = entries.find(
      (entry): entry is Extract<CatalogueEntry, { bySync: true }> => entry.bySync && entry.source === source,
    );
    if ((entries.length > 0 && own === undefined) || (own !== undefined && !recheckOwnFiles)) {
      result.unchanged++;
      return 'other';
    }

    let html: string;
    try {
      html = await post.loadBody();
    } catch (error) {
      if (error instanceof UnreachableError || !(error instanceof SyncError)) throw error;
      fail({ url: post.url, reason: error.message.replace(/^sync: /, '') });
      return 'other';
    }
    const synced: SyncedPost = { number, title: post.title, date, url: post.url, source, html };
    const file = path.join(catalogueDir, toIssueFileName(synced));

    if (own !== undefined) {
      const same =
        own.sha256 === sha256(html) &&
        own.title === synced.title &&
        own.date === date &&
        own.url === synced.url;
      if (same) {
        result.unchanged++;
        return 'other';
      }
      await writeFileAtomically(own.file, renderIssueFile(synced));
      result.updated.push(own.file);
      log(`sync: updated ${path.basename(own.file)} (${synced.title})`);
      return 'updated';
    }
    if (await exists(file)) {
      fail({ url: post.url, reason: `refusing to overwrite ${file}: it was not written by sync` });
      return 'other';
    }
    await writeFileAtomically(file, renderIssueFile(synced));
    result.added.push(file);
    log(`sync: wrote ${path.basename(file)} (${synced.title})`);
    return 'new';
  }

  const pages: AsyncGenerator<ArchivePage> =
    source === 'substack'
      ? listSubstackArchive(client, baseUrl, pageSize)
      : listWordPressArchive(client, baseUrl, pageSize);

  for await (const page of pages) {
    const outcomes = await Promise.allSettled(page.posts.map(processPost));
    // Let every post of the page settle first so no write is left half-done, then stop on the first fatal error.
    const fatal = outcomes.find((outcome) => outcome.status === 'rejected');
    if (fatal) throw toSyncError(fatal.reason);
    const counts = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'other'));
    const added = counts.filter((c) => c === 'new').length;
    const updated = counts.filter((c) => c === 'updated').length;
    log(
      `sync: ${source} ${page.label}: ${page.posts.length} posts, ${added} new` +
        (updated > 0 ? `, ${updated} updated` : ''),
    );
    if (counts.includes('old')) {
      log(`sync: reached posts older than ${since}, stopping`);
      break;
    }
  }

  if (result.added.length === 0 && result.updated.length === 0) {
    log(`sync: nothing new to write in ${catalogueDir}`);
  }
  log(
    `sync: ${result.added.length} new, ${result.updated.length} updated, ` +
      `${result.skipped} skipped (not Import AI), ${result.failures.length} failed`,
  );
  return result;
}

/** Index the catalogue directory by issue number. Sync's own files are recognised by name and front matter. */
async function scanCatalogue(dir: string): Promise<Map<number, CatalogueEntry[]>> {
  const byNumber = new Map<number, CatalogueEntry[]>();
  const names = await readdir(dir);
  for (const name of names) {
    if (name.startsWith('.') || !CATALOGUE_EXTENSIONS.has(path.extname(name).toLowerCase())) continue;
    const file = path.join(dir, name);
    const head = await readHead(file);
    if (head === undefined) continue;
    const found = describeCatalogueFile(file, name, head);
    if (found === undefined) continue;
    const list = byNumber.get(found.number) ?? [];
    list.push(found.entry);
    byNumber.set(found.number, list);
  }
  return byNumber;
}

function describeCatalogueFile(
  file: string,
  name: string,
  head: string,
): { number: number; entry: CatalogueEntry } | undefined {
  const frontMatter = readFrontMatter(head);
  const ownName = SYNC_FILE_NAME.exec(name);
  if (ownName && frontMatter) {
    const { number, source, content_sha256: sha, title, date, url } = frontMatter;
    if (
      typeof number === 'number' &&
      String(number) === ownName[1] &&
      source === ownName[2] &&
      typeof sha === 'string' &&
      typeof title === 'string' &&
      typeof date === 'string' &&
      typeof url === 'string'
    ) {
      return {
        number,
        entry: { file, bySync: true, source: ownName[2] as SyncSource, sha256: sha, title, date, url },
      };
    }
  }
  const number = findIssueNumber(name, head.slice(0, OTHER_FILE_HEAD_CHARS), frontMatter);
  return number === undefined ? undefined : { number, entry: { file, bySync: false } };
}

/** For files sync did not write: front matter title, else first line, else <title>/<h1>, else the file name. */
function findIssueNumber(
  name: string,
  head: string,
  frontMatter: Record<string, unknown> | undefined,
): number | undefined {
  const candidates: string[] = [];
  if (typeof frontMatter?.title === 'string') candidates.push(frontMatter.title);
  const firstLine = head
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/^#+\s*/, '')
        .trim(),
    )
    .find((line) => line !== '');
  if (firstLine !== undefined) candidates.push(firstLine);
  for (const tag of ['title', 'h1']) {
    const inner = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(head)?.[1];
    if (inner !== undefined) candidates.push(inner.replace(/<[^>]*>/g, ''));
  }
  for (const candidate of candidates) {
    const verdict = parseIssueTitle(candidate);
    if (verdict.kind === 'issue') return verdict.number;
  }
  const fromName = /^import-ai-(\d+)(?!\d)/i.exec(name)?.[1];
  return fromName === undefined ? undefined : Number(fromName);
}

function readFrontMatter(head: string): Record<string, unknown> | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(head);
  if (!match?.[1]) return undefined;
  try {
    const parsed: unknown = YAML.parse(match[1]);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

async function readHead(file: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    // A directory named like an issue file, or a file removed mid-scan, is simply not an issue.
    if (isErrno(error, 'EISDIR') || isErrno(error, 'ENOENT')) return undefined;
    throw new SyncError(`sync: cannot read ${file}: ${errorText(error)}`);
  } finally {
    await handle?.close();
  }
}

/** Write to a temp file in the same directory, flush, then rename: readers see the old file or the new one. */
async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new SyncError(`sync: cannot write ${file}: ${errorText(error)}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw new SyncError(`sync: cannot check ${file}: ${errorText(error)}`);
  }
}

function normaliseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SyncError(`sync: invalid base URL "${value}" (expected http(s)://host)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SyncError(`sync: invalid base URL "${value}" (expected http(s)://host)`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function toSyncError(error: unknown): SyncError {
  return error instanceof SyncError ? error : new SyncError(`sync: unexpected error: ${errorText(error)}`);
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${error.message})` : error.message;
  }
  return String(error);
}
