// Pull new Import AI issues from the live archive into CATALOGUE_DIR.
import { parseArgs } from 'node:util';
import { SYNC_SOURCES, SyncError, syncCatalogue, toIsoDate, type SyncSource } from '../lib/sync';

const USAGE = `usage: npm run sync -- --source substack|wordpress [--base-url URL] [--since YYYY-MM-DD]

  --source     which archive to read: substack (importai.substack.com) or wordpress (jack-clark.net)
  --base-url   read another copy of that archive, e.g. http://localhost:8080
  --since      only consider posts published on or after this date

Issues are written to $CATALOGUE_DIR (default data/issues).`;

interface CliArgs {
  source: SyncSource;
  baseUrl?: string;
  since?: string;
}

/** Validate argv; returns a one-line error message instead of throwing. */
function parseCliArgs(argv: string[]): CliArgs | { help: true } | { error: string } {
  let values: { source?: string; 'base-url'?: string; since?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        source: { type: 'string' },
        'base-url': { type: 'string' },
        since: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: `sync: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (values.help) return { help: true };

  const { source, since } = values;
  const baseUrl = values['base-url'];
  if (source === undefined) return { error: 'sync: --source is required (substack or wordpress)' };
  if (!SYNC_SOURCES.includes(source as SyncSource)) {
    return { error: `sync: unknown --source "${source}" (expected substack or wordpress)` };
  }
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    return { error: `sync: --base-url "${baseUrl}" is not an http(s) URL` };
  }
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) {
    return { error: `sync: --base-url "${baseUrl}" is not a valid URL` };
  }
  if (since !== undefined && toIsoDate(since) !== since) {
    return { error: `sync: --since "${since}" is not a valid date (expected YYYY-MM-DD)` };
  }
  return { source: source as SyncSource, baseUrl, since };
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    return 1;
  }
  const catalogueDir = process.env.CATALOGUE_DIR || 'data/issues';
  try {
    const result = await syncCatalogue({ ...parsed, catalogueDir, log: (line) => console.log(line) });
    if (result.failures.length > 0) {
      console.error(`sync: ${result.failures.length} post(s) could not be synced (see above)`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(error instanceof SyncError ? error.message : `sync: unexpected error: ${String(error)}`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
