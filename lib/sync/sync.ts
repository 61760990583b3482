import path from 'node:path';
import { exists, scanCatalogue, writeFileAtomically, type CatalogueEntry } from './catalogue-files';
import { checkCopy } from './copies';
import { createHttpClient, SyncError, UnreachableError, type HttpClient } from './http';
import { parseIssueTitle, renderIssueFile, sha256, toIsoDate, toIssueFileName } from './issue-file';
import type { ListingContext } from './listing';
import { listFeed } from './rss';
import { listSubstackArchive } from './substack';
import { SYNC_TUNING, type SyncTuning } from './tuning';
import type {
  ArchivePage,
  ListedPost,
  Site,
  SiteReport,
  SyncedPost,
  SyncFailure,
  SyncOptions,
  SyncResult,
} from './types';
import { listWordPressArchive } from './wordpress';

/** A listed post that is an issue, waiting for the decision about which copy to write. */
interface Candidate {
  state: SiteState;
  /** Position among every candidate of its site, for a stable order. */
  order: number;
  post: ListedPost;
  number: number;
  date: string;
}

interface SiteState {
  index: number;
  site: Site;
  report: SiteReport;
  /** Set when the site stopped answering mid-run: its remaining copies are not tried. */
  lost?: UnreachableError;
  listed: number;
}

/** Thrown when no site could be read at all: nothing was written. The message has no final full stop. */
export class NothingReadError extends SyncError {
  override name = 'NothingReadError';
  constructor(
    message: string,
    /** Every site was unreachable: most likely this machine is offline. */
    readonly offline: boolean,
  ) {
    super(message);
  }
}

/**
 * Pull every Import AI issue the sites hold into `catalogueDir`, one file per issue number.
 * Each site is listed in full first; then, per issue the catalogue lacks, every site's copy is read
 * with the catalogue's parser and the richest is written (text characters + `linkWeight` per link;
 * on a tie, the site listed first). Issues already in the catalogue are not fetched again; files
 * sync wrote earlier are rewritten when their site's copy changed; other files are never touched.
 * A post that cannot be synced is reported and the rest go on; when no site can be read at all,
 * rejects with a `NothingReadError` and writes nothing.
 */
export async function syncCatalogue(options: SyncOptions): Promise<SyncResult> {
  const { catalogueDir, since, sites } = options;
  const log = options.log ?? (() => {});
  const tuning: SyncTuning = { ...SYNC_TUNING, ...options.tuning };
  if (since !== undefined && toIsoDate(since) !== since) {
    throw new SyncError(`sync: invalid since date "${since}" (expected YYYY-MM-DD)`);
  }
  if (sites.length === 0) throw new SyncError('sync: no site to read');
  const client = createHttpClient({ ...tuning, fetch: options.fetch });
  const held = await scanCatalogue(catalogueDir);

  const states: SiteState[] = sites.map((site, index) => ({
    index,
    site,
    listed: 0,
    report: {
      site: site.name,
      pages: 0,
      posts: 0,
      written: 0,
      updated: 0,
      held: 0,
      duplicates: 0,
      skipped: 0,
      failed: 0,
    },
  }));
  const result: SyncResult = { added: [], updated: [], failures: [], sites: states.map((s) => s.report) };
  /** Count a post that could not be synced; `quiet` when its site's error already says why. */
  const fail = (state: SiteState, failure: SyncFailure, { quiet = false } = {}): void => {
    result.failures.push(failure);
    state.report.failed++;
    if (!quiet) log(`sync: failed ${failure.url}: ${failure.reason}`);
  };

  const candidates: Candidate[] = [];
  await Promise.all(states.map((state) => listSite(state)));
  reportUnreadSites();

  const byNumber = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    byNumber.set(candidate.number, [...(byNumber.get(candidate.number) ?? []), candidate]);
  }
  const queue = [...byNumber.entries()].sort(([a], [b]) => b - a);
  const workers = Array.from({ length: Math.max(1, tuning.maxInFlight) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [number, copies] = next;
      copies.sort((a, b) => a.state.index - b.state.index || a.order - b.order);
      const entries = held.get(number) ?? [];
      try {
        if (entries.length > 0) await recheck(entries, copies);
        else await writeRichest(number, copies);
      } catch (error) {
        // A write that fails (disk full, no permission) would fail for every issue: stop both workers.
        queue.length = 0;
        throw error;
      }
    }
  });
  const settled = await Promise.allSettled(workers);
  const fatal = settled.find((outcome) => outcome.status === 'rejected');
  if (fatal) throw toSyncError(fatal.reason);

  for (const { report } of states) log(describeSiteReport(report));
  const written = result.added.length + result.updated.length;
  log(
    written === 0
      ? `sync: nothing new to write in ${catalogueDir} (${result.failures.length} failed)`
      : `sync: ${result.added.length} written, ${result.updated.length} updated, ${result.failures.length} failed, in ${catalogueDir}`,
  );
  return result;

  async function listSite(state: SiteState): Promise<void> {
    const { site, report } = state;
    try {
      for await (const page of listPages(site, client, tuning, (line) =>
        log(`sync: ${site.name}: ${line}`),
      )) {
        report.pages++;
        report.posts += page.posts.length;
        let fresh = 0;
        let older = false;
        for (const post of page.posts) {
          if ('reason' in post) {
            fail(state, post);
            continue;
          }
          const date = toIsoDate(post.date);
          if (date !== undefined && since !== undefined && date < since) {
            older = true;
            continue;
          }
          const verdict = parseIssueTitle(post.title);
          if (verdict.kind === 'not-issue') {
            report.skipped++;
            if (verdict.note)
              log(`sync: ${site.name}: skipped "${post.title}" (${verdict.note}): ${post.url}`);
            continue;
          }
          if (date === undefined) {
            fail(state, { url: post.url, reason: `invalid date "${post.date}"` });
            continue;
          }
          candidates.push({ state, order: state.listed++, post, number: verdict.number, date });
          if (!held.has(verdict.number)) fresh++;
        }
        const of = page.of === undefined ? '' : `/${page.of}`;
        const posts = `${page.posts.length} ${page.posts.length === 1 ? 'post' : 'posts'}`;
        log(`sync: ${site.name} page ${page.page}${of}: ${posts}, ${fresh} new`);
        if (older) {
          log(`sync: ${site.name}: reached posts older than ${since}, stopping`);
          return;
        }
      }
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      report.error = error.message.replace(/^sync: /, '');
      if (error instanceof UnreachableError) state.lost = error;
    }
  }

  function reportUnreadSites(): void {
    const unread = states.filter((state) => state.report.error !== undefined);
    if (unread.length === states.length && states.every((state) => state.report.pages === 0)) {
      const offline = states.every((state) => state.lost !== undefined);
      const reasons = states.map((state) => `${state.site.name}: ${state.report.error}`).join('; ');
      throw new NothingReadError(
        offline
          ? `sync: cannot reach ${states.map((s) => `${s.site.name} (${s.lost?.code})`).join(' or ')}: offline? Nothing was written`
          : `sync: could not read ${states.length === 1 ? 'the site' : 'any site'} (${reasons}). Nothing was written`,
        offline,
      );
    }
    for (const state of unread) {
      log(`sync: ${state.site.name}: stopped listing: ${state.report.error}`);
    }
  }

  /** The catalogue holds this issue: only a file sync wrote is re-read, from the same kind of site. */
  async function recheck(entries: CatalogueEntry[], copies: Candidate[]): Promise<void> {
    const own = entries.find((entry) => entry.bySync);
    const same = own ? copies.find((c) => c.state.site.kind === own.source) : undefined;
    for (const copy of copies) if (copy !== same) copy.state.report.held++;
    if (!own?.bySync || same === undefined) return;
    // Substack needs a request per post to see its body, so its own files are re-read only within --since.
    if (!same.post.bodyListed && since === undefined) {
      same.state.report.held++;
      return;
    }
    const body = await loadBody(same);
    if ('problem' in body) {
      fail(same.state, { url: same.post.url, reason: body.problem }, { quiet: body.lost });
      return;
    }
    const synced = toSyncedPost(same, body.html);
    if (
      own.sha256 === sha256(body.html) &&
      own.title === synced.title &&
      own.date === synced.date &&
      own.url === synced.url
    ) {
      same.state.report.held++;
      return;
    }
    const content = renderIssueFile(synced);
    const verdict = checkCopy(path.basename(own.file), content, synced.number, tuning.linkWeight);
    if (!verdict.ok) {
      const reason = `${verdict.reason} (${path.basename(own.file)} is kept as it was)`;
      fail(same.state, { url: same.post.url, reason });
      return;
    }
    await writeFileAtomically(own.file, content);
    result.updated.push(own.file);
    same.state.report.updated++;
    log(`sync: updated ${path.basename(own.file)} (${synced.title})`);
  }

  /** The catalogue lacks this issue: read every copy, write the richest the catalogue can read. */
  async function writeRichest(number: number, copies: Candidate[]): Promise<void> {
    const read = await Promise.all(copies.map((copy) => readCopy(copy, number)));
    let best: ReadCopy | undefined;
    for (const entry of read) {
      if ('score' in entry && (best === undefined || !('score' in best) || entry.score > best.score))
        best = entry;
    }
    if (best === undefined || !('score' in best)) {
      const reason = read
        .flatMap((entry) => ('problem' in entry && !entry.lost ? [entry] : []))
        .map((entry) => (read.length > 1 ? `${entry.copy.state.site.name}: ` : '') + entry.problem)
        .join('; ');
      const first = read[0]!.copy;
      fail(first.state, { url: first.post.url, reason: reason || 'its site was lost' }, { quiet: !reason });
      return;
    }
    const file = path.join(catalogueDir, toIssueFileName(best.post));
    if (await exists(file)) {
      const reason = `refusing to overwrite ${file}: it was not written by sync`;
      fail(best.copy.state, { url: best.copy.post.url, reason });
      return;
    }
    await writeFileAtomically(file, best.content);
    result.added.push(file);
    best.copy.state.report.written++;
    const chosen = best;
    for (const entry of read) {
      if (entry === chosen) continue;
      if ('score' in entry) entry.copy.state.report.duplicates++;
      else if (!entry.lost) log(`sync: note: ${entry.copy.post.url}: ${entry.problem}`);
    }
    const scores = read.flatMap((entry) =>
      'score' in entry ? [`${entry.copy.state.site.name} ${entry.score}`] : [],
    );
    const choice = scores.length > 1 ? ` [richness: ${scores.join(', ')}]` : '';
    log(`sync: wrote ${path.basename(file)} (${best.post.title})${choice}`);
  }

  /** One copy's body, rendered as an issue file and read by the catalogue's parser. */
  async function readCopy(copy: Candidate, number: number): Promise<ReadCopy> {
    const body = await loadBody(copy);
    if ('problem' in body) return { copy, ...body };
    const post = toSyncedPost(copy, body.html);
    const content = renderIssueFile(post);
    const verdict = checkCopy(toIssueFileName(post), content, number, tuning.linkWeight);
    return verdict.ok ? { copy, post, content, score: verdict.score } : { copy, problem: verdict.reason };
  }

  /** A copy's body, or why not. A site that stops answering is reported once, as the site's error. */
  async function loadBody(copy: Candidate): Promise<{ html: string } | { problem: string; lost?: boolean }> {
    const { state } = copy;
    if (state.lost) return { problem: state.report.error ?? 'site lost', lost: true };
    try {
      return { html: await copy.post.loadBody() };
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const problem = error.message.replace(/^sync: /, '');
      if (!(error instanceof UnreachableError)) return { problem };
      if (!state.lost) {
        state.lost = error;
        state.report.error = problem;
        log(`sync: ${state.site.name}: ${problem}; its other posts are not tried`);
      }
      return { problem, lost: true };
    }
  }
}

type ReadCopy =
  | { copy: Candidate; post: SyncedPost; content: string; score: number }
  | { copy: Candidate; problem: string; lost?: boolean };

function toSyncedPost(copy: Candidate, html: string): SyncedPost {
  return {
    number: copy.number,
    title: copy.post.title,
    date: copy.date,
    url: copy.post.url,
    source: copy.state.site.kind,
    html,
  };
}

function listPages(
  site: Site,
  client: HttpClient,
  tuning: SyncTuning,
  note: (line: string) => void,
): AsyncGenerator<ArchivePage> {
  const base = { client, baseUrl: site.url, maxFeedPages: tuning.maxFeedPages, note };
  const ctx = (pageSize: number): ListingContext => ({ ...base, pageSize });
  switch (site.kind) {
    case 'substack':
      return listSubstackArchive(ctx(tuning.substackPageSize));
    case 'wordpress':
      return listWordPressArchive(ctx(tuning.wordpressPageSize));
    case 'rss':
      return listFeed(client, site.url, tuning.maxFeedPages);
  }
}

/** `sync: jack-clark.net: 3 pages, 11 posts: 10 written, 0 updated, …` */
export function describeSiteReport(report: SiteReport): string {
  const parts = [
    `${report.written} written`,
    `${report.updated} updated`,
    `${report.held} already held`,
    `${report.duplicates} duplicates (the other copy was kept)`,
    `${report.skipped} skipped (not issues)`,
    `${report.failed} failed`,
  ];
  const pages = `${report.pages} ${report.pages === 1 ? 'page' : 'pages'}, ${report.posts} ${report.posts === 1 ? 'post' : 'posts'}`;
  const error = report.error === undefined ? '' : `; incomplete: ${report.error}`;
  return `sync: ${report.site}: ${pages}: ${parts.join(', ')}${error}`;
}

function toSyncError(error: unknown): SyncError {
  return error instanceof SyncError ? error : new SyncError(`sync: unexpected error: ${String(error)}`);
}
