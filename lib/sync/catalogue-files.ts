import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { isIssueFileName } from '../catalogue';
import { SyncError } from './http';
import { parseIssueTitle, SYNC_FILE_NAME } from './issue-file';
import type { SiteKind } from './types';

/** Enough for any front matter sync writes, and the "first ~2 KB" other files are searched in. */
const HEAD_BYTES = 4096;
const OTHER_FILE_HEAD_CHARS = 2048;

/** What the catalogue already holds for one issue number. */
export type CatalogueEntry =
  | { file: string; bySync: false }
  | {
      file: string;
      bySync: true;
      source: SiteKind;
      sha256: string;
      title: string;
      date: string;
      url: string;
    };

/**
 * Index the catalogue folder by issue number. Sync's own files are recognised by name and front
 * matter; any other issue file (a hand-added one, the bundled sample) by its title or name.
 * A folder that does not exist yet holds nothing.
 */
export async function scanCatalogue(dir: string): Promise<Map<number, CatalogueEntry[]>> {
  const byNumber = new Map<number, CatalogueEntry[]>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return byNumber;
    throw new SyncError(`sync: cannot read the catalogue folder ${dir}: ${errorText(error)}`);
  }
  for (const name of names.sort()) {
    if (name.startsWith('.') || !isIssueFileName(name)) continue;
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
        entry: { file, bySync: true, source: ownName[2] as SiteKind, sha256: sha, title, date, url },
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

/** Temp files being written right now, so an interrupted process can remove them on its way out. */
const pendingTempFiles = new Set<string>();

/**
 * Write to a temp file in the same directory (created if missing), flush, then rename: readers see
 * the old file or the new one, never half of one.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  pendingTempFiles.add(temp);
  try {
    await mkdir(path.dirname(file), { recursive: true });
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
  } finally {
    pendingTempFiles.delete(temp);
  }
}

/** Remove the temp files of writes still in progress (for a signal handler: synchronous). */
export function removePendingTempFiles(): void {
  for (const temp of pendingTempFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already renamed into place.
    }
  }
  pendingTempFiles.clear();
}

export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw new SyncError(`sync: cannot check ${file}: ${errorText(error)}`);
  }
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${error.message})` : error.message;
  }
  return String(error);
}
