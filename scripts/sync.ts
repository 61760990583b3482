// Pull every Import AI issue from the publishers' sites into CATALOGUE_DIR.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { catalogueDir, publisherUrls } from '../lib/config';
import {
  chooseSites,
  NothingReadError,
  removePendingTempFiles,
  SITE_KINDS,
  SyncError,
  syncCatalogue,
  toIsoDate,
  type Site,
  type SiteKind,
} from '../lib/sync';

const USAGE = `usage: npm run sync [-- --source substack|wordpress|rss] [--feed URL] [--since YYYY-MM-DD] [--best-effort]

  (no --source)  both sites: jack-clark.net (WordPress) and importai.substack.com, one file per issue
  --source       one of them, or rss: any RSS 2.0 feed of the newsletter, given with --feed
  --feed         the feed's URL; WordPress paging (?paged=2, 3…) is followed
  --since        only consider posts published on or after this date
  --best-effort  exit 0 even when the sites cannot be reached (npm run setup goes on to the build)

Issues are written to $CATALOGUE_DIR (default data/issues). $WORDPRESS_URL and $SUBSTACK_URL
replace the sites' base URLs (e.g. a local copy).`;

interface CliArgs {
  source?: SiteKind;
  feed?: string;
  since?: string;
  bestEffort: boolean;
}

/** Validate argv; returns a one-line error message instead of throwing. */
function parseCliArgs(argv: string[]): CliArgs | { help: true } | { error: string } {
  let values: { source?: string; feed?: string; since?: string; 'best-effort'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        source: { type: 'string' },
        feed: { type: 'string' },
        since: { type: 'string' },
        'best-effort': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: `sync: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (values.help) return { help: true };
  const { source, feed, since } = values;
  if (source !== undefined && !SITE_KINDS.includes(source as SiteKind)) {
    return { error: `sync: unknown --source "${source}" (expected ${SITE_KINDS.join(', ')})` };
  }
  if (since !== undefined && toIsoDate(since) !== since) {
    return { error: `sync: --since "${since}" is not a valid date (expected YYYY-MM-DD)` };
  }
  return { source: source as SiteKind | undefined, feed, since, bestEffort: values['best-effort'] ?? false };
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  const absolute = catalogueDir();
  const relative = path.relative(process.cwd(), absolute);
  const dir = relative === '' || relative.startsWith('..') ? absolute : relative;
  const urls = publisherUrls();
  let sites: Site[];
  try {
    sites = chooseSites({ ...parsed, substackUrl: urls.substack, wordpressUrl: urls.wordpress });
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const goOn = parsed.bestEffort ? `; going on with the issues already in ${dir}` : '';
  try {
    const result = await syncCatalogue({
      sites,
      since: parsed.since,
      catalogueDir: dir,
      log: (line) => console.log(line),
    });
    const incomplete = result.sites.filter((site) => site.error !== undefined).length;
    if (result.failures.length === 0 && incomplete === 0) return 0;
    const problems = [
      result.failures.length > 0 ? `${result.failures.length} post(s) could not be synced` : '',
      incomplete > 0 ? `${incomplete} site(s) could not be read in full` : '',
    ].filter(Boolean);
    console.error(`sync: ${problems.join(' and ')} (see above)${goOn}`);
    return parsed.bestEffort ? 0 : 1;
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    console.error(`${error.message}${error instanceof NothingReadError ? goOn || '.' : goOn}`);
    return parsed.bestEffort ? 0 : 1;
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Files already written stay (the next run resumes from them); a half-written temp file must not.
    removePendingTempFiles();
    console.error(`sync: interrupted (${signal}); the files written so far are kept, run it again to resume`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `sync: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  },
);
