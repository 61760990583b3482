import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveDates } from './dates';
import { CatalogueError } from './errors';
import { issueSchema, type Issue } from './model';
import { parseIssueFile, type ParsedIssue } from './parse-issue';

/** File extensions the catalogue reads; anything else in the folder (e.g. SOURCES.tsv) is left alone. */
export const ISSUE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'] as const;
/** The largest issue file read (a real issue is 10–60 KB). */
export const MAX_ISSUE_BYTES = 5 * 1024 * 1024;

/**
 * Parsed issues from earlier builds, keyed by the SHA-256 of a file's content, so a rebuild only
 * re-parses files that changed. Whoever holds the cache must drop it when the parser changes.
 */
export interface ParseCache {
  get(contentHash: string): ParsedIssue | undefined;
  set(contentHash: string, parsed: ParsedIssue): void;
}

export interface CatalogueReport {
  /** Issue files read (by extension). */
  files: number;
  accepted: { file: string; number: number; format: Issue['source']['format'] }[];
  rejected: { file: string; reason: string }[];
  /**
   * Second copies of an issue, set aside: the richer copy is kept, or on a tie the canonically
   * named file (`reason` says which decided).
   */
  duplicates: { file: string; number: number; kept: string; reason: 'richer' | 'name' }[];
  /** Files that are not issues by extension. */
  ignored: string[];
  /** Issues whose date is an estimate. */
  estimatedDates: number;
  /** With a parse cache: files parsed afresh (new or changed) and how many were reused unchanged. */
  changed?: string[];
  unchanged?: number;
}

export interface Catalogue {
  /** Issues by ascending number. */
  issues: Issue[];
  report: CatalogueReport;
}

export interface SourceFile {
  /** File name (as shown in messages). */
  name: string;
  content: Buffer;
  /** Last modification time, the weakest upper bound on an undated issue's date. */
  modified?: Date;
}

/** Reads every issue file in `dir` and builds the catalogue. Never throws for a bad file. */
export async function loadCatalogue(dir: string, options: { cache?: ParseCache } = {}): Promise<Catalogue> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    throw new CatalogueError(`catalogue: cannot read folder ${dir}: ${errorMessage(error)}`);
  }
  const ignored = names.filter((name) => !isIssueFileName(name));
  const catalogue = await loadIssueFiles(
    names.filter(isIssueFileName).map((name) => path.join(dir, name)),
    options,
  );
  catalogue.report.ignored.push(...ignored);
  return catalogue;
}

/**
 * Builds a catalogue from the given issue files, whatever their names (`npm run parse` reads
 * files one by one). A file that cannot be read is reported, never thrown.
 */
export async function loadIssueFiles(
  paths: readonly string[],
  options: { cache?: ParseCache } = {},
): Promise<Catalogue> {
  const files: SourceFile[] = [];
  const unreadable: CatalogueReport['rejected'] = [];
  for (const full of paths) {
    const name = path.basename(full);
    try {
      const info = await stat(full);
      if (!info.isFile()) {
        unreadable.push({ file: name, reason: 'not a file (a folder or a device)' });
        continue;
      }
      if (info.size > MAX_ISSUE_BYTES) {
        unreadable.push({
          file: name,
          reason: `file too large (${formatBytes(info.size)}; the limit is ${formatBytes(MAX_ISSUE_BYTES)})`,
        });
        continue;
      }
      files.push({ name, content: await readFile(full), modified: info.mtime });
    } catch (error) {
      unreadable.push({ file: name, reason: `cannot read: ${errorMessage(error)}` });
    }
  }
  const catalogue = buildCatalogue(files, options);
  catalogue.report.files += unreadable.length;
  catalogue.report.rejected.unshift(...unreadable);
  return catalogue;
}

export function isIssueFileName(name: string): boolean {
  return !name.startsWith('.') && ISSUE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

/** Builds the catalogue from files already in memory (the pure core of `loadCatalogue`). */
export function buildCatalogue(
  files: readonly SourceFile[],
  options: { cache?: ParseCache } = {},
): Catalogue {
  const { cache } = options;
  const report: CatalogueReport = {
    files: files.length,
    accepted: [],
    rejected: [],
    duplicates: [],
    ignored: [],
    estimatedDates: 0,
    ...(cache ? { changed: [], unchanged: 0 } : {}),
  };
  const byNumber = new Map<number, ParsedIssue>();
  const modified = new Map<string, Date>();
  for (const file of files) {
    if (file.modified) modified.set(file.name, file.modified);
    let parsed: ParsedIssue;
    try {
      const hash = cache ? createHash('sha256').update(file.content).digest('hex') : '';
      const cached = cache?.get(hash);
      if (cached) {
        parsed = { ...cached, source: { ...cached.source, file: file.name } };
        report.unchanged = (report.unchanged ?? 0) + 1;
      } else {
        parsed = parseIssueFile(file.name, decodeText(file.content));
        cache?.set(hash, parsed);
        report.changed?.push(file.name);
      }
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      report.rejected.push({ file: file.name, reason: error.message });
      continue;
    }
    const existing = byNumber.get(parsed.number);
    if (!existing) {
      byNumber.set(parsed.number, parsed);
      continue;
    }
    const [kept, dropped] = isPreferredCopy(parsed, existing) ? [parsed, existing] : [existing, parsed];
    byNumber.set(parsed.number, kept);
    report.duplicates.push({
      file: dropped.source.file,
      number: parsed.number,
      kept: kept.source.file,
      reason: richness(parsed) === richness(existing) ? 'name' : 'richer',
    });
  }

  const parsedIssues = [...byNumber.values()].sort((a, b) => a.number - b.number);
  const dates = resolveDates(parsedIssues, (issue) =>
    (modified.get(issue.source.file) ?? new Date()).toISOString().slice(0, 10),
  );
  const permalinkUrls = new Map(
    parsedIssues.flatMap((i) => i.dateEvidence.permalinks).map((p) => [p.number, p.url]),
  );

  const issues: Issue[] = [];
  for (const parsed of parsedIssues) {
    const { dateEvidence: _evidence, ...rest } = parsed;
    const resolved = dates.get(parsed.number)!;
    const candidate: Issue = {
      ...rest,
      url: rest.url || permalinkUrls.get(parsed.number) || '',
      date: resolved.date,
      dateBasis: resolved.basis,
    };
    const checked = issueSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      report.rejected.push({
        file: parsed.source.file,
        reason: `invalid issue: ${issue?.path.join('.') || 'issue'}: ${issue?.message ?? 'failed validation'}`,
      });
      continue;
    }
    issues.push(checked.data);
    report.accepted.push({ file: parsed.source.file, number: parsed.number, format: parsed.source.format });
    if (resolved.basis === 'estimated') report.estimatedDates++;
  }
  return { issues, report };
}

/** Decodes UTF-8 strictly: a binary or mis-encoded file is reported, not indexed as garbage. */
function decodeText(content: Buffer): string {
  if (content.length === 0 || !content.toString('utf8').trim()) throw new CatalogueError('empty file');
  if (content.includes(0)) throw new CatalogueError('not a text file (binary content: NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new CatalogueError('not a text file (invalid UTF-8)');
  }
}

/** A file name as the archive names issues (`import-ai-320.md`), not a copy's (`import-ai-320 (copy).md`). */
const CANONICAL_NAME = /^import-ai-\d+(?:\.[a-z]+)+$/i;

/** The richer copy wins; on a tie, the canonically named file, then the shorter name. */
function isPreferredCopy(candidate: ParsedIssue, existing: ParsedIssue): boolean {
  const richer = richness(candidate) - richness(existing);
  if (richer !== 0) return richer > 0;
  const [a, b] = [candidate.source.file, existing.source.file];
  const order =
    Number(!CANONICAL_NAME.test(a)) - Number(!CANONICAL_NAME.test(b)) ||
    a.length - b.length ||
    a.localeCompare(b);
  return order < 0;
}

/** How much a copy of an issue holds: its text, its links, and its markup. */
function richness(issue: ParsedIssue): number {
  let score = 0;
  for (const story of issue.stories) {
    for (const p of story.paragraphs)
      score += p.text.length + 100 * p.links.length + (p.html.length - p.text.length) / 10;
  }
  return score;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(2)} MB`;
}

function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    if (code === 'EACCES') return 'permission denied';
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EISDIR') return 'is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}
