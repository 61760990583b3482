import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ParseCache } from '../catalogue/load';
import { issueSchema } from '../catalogue/model';
import type { ParsedIssue } from '../catalogue/parse-issue';

/**
 * The content-hash cache behind incremental builds, kept in `<indexDir>/cache/parse-cache.json`.
 * It is valid only for the exact parser and taxonomy that filled it: its key includes a hash of the
 * source of `lib/catalogue` and `lib/topics`, so any change to them starts from scratch. Each entry
 * is checked against the parsed-issue schema before use: a damaged or edited entry is parsed again,
 * never trusted.
 */
const CACHE_FILE = path.join('cache', 'parse-cache.json');

interface CacheFile {
  codeHash: string;
  entries: Record<string, unknown>;
}

const parsedIssueSchema = issueSchema.omit({ date: true, dateBasis: true }).extend({
  dateEvidence: z.object({
    statedDate: z.string().optional(),
    upperBound: z.string().optional(),
    listedDates: z.array(z.object({ number: z.number(), date: z.string() })),
    permalinks: z.array(z.object({ number: z.number(), date: z.string(), url: z.string() })),
  }),
});

export interface DiskParseCache extends ParseCache {
  /** Writes the entries used by this build (others are dropped). */
  save(): Promise<void>;
}

/**
 * Opens the cache. With `reuse: false` (a full build) nothing stored is read, and `save` replaces
 * the file with what this build parsed.
 */
export async function openParseCache(
  indexDir: string,
  codeHash: string,
  options: { reuse?: boolean } = {},
): Promise<DiskParseCache> {
  const file = path.join(indexDir, CACHE_FILE);
  let previous: Record<string, unknown> = {};
  if (options.reuse !== false) {
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      if (stored.codeHash === codeHash && stored.entries && typeof stored.entries === 'object')
        previous = stored.entries;
    } catch {
      // No cache, or an unreadable one: parse everything.
    }
  }
  const used = new Map<string, ParsedIssue>();
  return {
    get(hash) {
      if (!Object.hasOwn(previous, hash)) return undefined;
      const checked = parsedIssueSchema.safeParse(previous[hash]);
      if (!checked.success) return undefined;
      const hit = checked.data as ParsedIssue;
      used.set(hash, hit);
      return hit;
    },
    set(hash, parsed) {
      used.set(hash, parsed);
    },
    async save() {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      const body: CacheFile = { codeHash, entries: Object.fromEntries(used) };
      await writeFile(temp, JSON.stringify(body));
      await rename(temp, file);
    },
  };
}

/** A hash of the parser's and tagger's source, found next to this module. */
export async function hashParserSource(root = path.resolve(__dirname, '..')): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['catalogue', 'topics']) {
    for (const file of await listSources(path.join(root, dir))) {
      hash.update(path.relative(root, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex');
}

async function listSources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') out.push(...(await listSources(full)));
    } else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}
