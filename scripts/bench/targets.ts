import { bytes, ms, seconds, times } from './format';
import type { BenchResults, Target } from './types';

const MB = 1024 * 1024;
export const LIMITS = {
  fullBuildMs: 10_000,
  /** Build time per paragraph at the largest scale, relative to 1×: at most this is "linear". */
  linearGrowth: 1.25,
  serverRssBytes: 300 * MB,
  searchPageJsGzipBytes: 100 * 1024,
  engineVsFlexP50: 2,
  engineVsMiniP50: 1,
  httpVsFlexRps: 0.5,
  httpVsFlexP99: 2,
  httpVsMiniRps: 20,
  /** Soak: mean RSS over the last quarter over the mean over the second quarter. */
  soakRssGrowth: 1.25,
  /** Uncached (archive-drawn queries) at 16 connections: throughput against bare FlexSearch… */
  uncachedVsFlexRps: 0.5,
  /** …and p99 against bare FlexSearch's, unless it is under `uncachedP99Ms` anyway. */
  uncachedVsFlexP99: 2,
  uncachedP99Ms: 50,
  /** The slowest single request of the hostile mix, on an idle server. */
  hostileMaxMs: 100,
  /** Requests sent while typing one query into the search page. */
  typingRequests: 5,
};

const UNCACHED_CONNECTIONS = 16;

/** PASS/MISS per target; `pass: null` when the section was not run. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): Target[] {
  const { build, engine, http, weight, soak, hostile, typing } = results;
  const out: Target[] = [];
  const add = (name: string, pass: boolean | null, detail: string) => out.push({ name, pass, detail });

  const full = build?.rows.find((r) => r.scale === 1);
  add(
    'full build < 10 s',
    full ? full.buildMs < LIMITS.fullBuildMs : null,
    full ? `${seconds(full.buildMs)} for ${full.paragraphs} paragraphs` : 'not run',
  );
  const largest = build?.growth.at(-1);
  add(
    `build cost per paragraph linear (≤ ${LIMITS.linearGrowth}× of 1× at the largest scale)`,
    largest && largest.scale > 1 ? largest.perParagraphVs1x <= LIMITS.linearGrowth : null,
    largest && largest.scale > 1 ? `${times(largest.perParagraphVs1x)} at ${largest.scale}×` : 'not run',
  );
  add(
    'server RSS < 300 MB',
    weight ? weight.serverRssBytes < LIMITS.serverRssBytes : null,
    weight ? `${bytes(weight.serverRssBytes)} after the HTTP load` : 'not run',
  );
  const searchPage = weight?.pages[0];
  add(
    'search page < 100 KB JS gzipped',
    searchPage ? searchPage.jsGzipBytes < LIMITS.searchPageJsGzipBytes : null,
    searchPage ? `${bytes(searchPage.jsGzipBytes)} in ${searchPage.scripts} scripts` : 'not run',
  );
  const row = (id: string, mode?: string) =>
    engine?.rows.find((r) => r.id === id && (!mode || r.mode === mode));
  const cold = row('ours', 'cold');
  const flex = row('flexsearch');
  const mini = row('minisearch');
  add(
    'engine p50 (cold) within 2× of bare FlexSearch',
    engine ? engine.ratios.oursColdVsFlexP50 <= LIMITS.engineVsFlexP50 : null,
    engine
      ? `${ms(cold?.latency.p50 ?? NaN)} ms vs ${ms(flex?.latency.p50 ?? NaN)} ms = ${times(engine.ratios.oursColdVsFlexP50)}`
      : 'not run',
  );
  add(
    'engine p50 (cold) faster than MiniSearch',
    engine ? engine.ratios.oursColdVsMiniP50 < LIMITS.engineVsMiniP50 : null,
    engine
      ? `${ms(cold?.latency.p50 ?? NaN)} ms vs ${ms(mini?.latency.p50 ?? NaN)} ms = ${times(engine.ratios.oursColdVsMiniP50)}`
      : 'not run',
  );
  const ratios = http?.ratios ?? [];
  const perConnections = (pick: (r: (typeof ratios)[number]) => number) =>
    ratios.map((r) => `${times(pick(r))} at ${r.connections}`).join(', ');
  add(
    'HTTP /api/search ≥ 0.5× bare-FlexSearch req/s',
    ratios.length ? ratios.every((r) => r.oursVsFlexRps >= LIMITS.httpVsFlexRps) : null,
    ratios.length ? perConnections((r) => r.oursVsFlexRps) : 'not run',
  );
  add(
    'HTTP /api/search p99 ≤ 2× bare-FlexSearch p99',
    ratios.length ? ratios.every((r) => r.oursVsFlexP99 <= LIMITS.httpVsFlexP99) : null,
    ratios.length ? perConnections((r) => r.oursVsFlexP99) : 'not run',
  );
  add(
    'HTTP /api/search ≥ 20× bare-MiniSearch req/s',
    ratios.length ? ratios.every((r) => r.oursVsMiniRps >= LIMITS.httpVsMiniRps) : null,
    ratios.length ? perConnections((r) => r.oursVsMiniRps) : 'not run',
  );
  const uncached = http?.uncached.find((u) => u.connections === UNCACHED_CONNECTIONS);
  add(
    `uncached /api/search (${uncached?.queries ?? 0} archive queries) ≥ 0.5× bare-FlexSearch req/s at 16 connections`,
    uncached ? uncached.oursVsFlexRps >= LIMITS.uncachedVsFlexRps : null,
    uncached
      ? `${uncached.oursRps.toFixed(0)} vs ${uncached.flexRps.toFixed(0)} req/s = ${times(uncached.oursVsFlexRps)}`
      : 'not run',
  );
  add(
    'uncached /api/search p99 ≤ 2× bare-FlexSearch p99 (or < 50 ms) at 16 connections',
    uncached
      ? uncached.oursVsFlexP99 <= LIMITS.uncachedVsFlexP99 || uncached.oursP99 < LIMITS.uncachedP99Ms
      : null,
    uncached
      ? `${ms(uncached.oursP99)} ms vs ${ms(uncached.flexP99)} ms = ${times(uncached.oursVsFlexP99)}`
      : 'not run',
  );
  // A request the server never answered (status 0: it refused the connection or died) is no pass.
  const unanswered = hostile?.requests.filter((r) => r.status === 0).length ?? 0;
  add(
    'slowest hostile request ≤ 100 ms, every one answered',
    hostile ? hostile.slowest.ms <= LIMITS.hostileMaxMs && unanswered === 0 : null,
    hostile
      ? `${ms(hostile.slowest.ms)} ms: ${hostile.slowest.label}; a concurrent cached search waited up to ${ms(hostile.probe.max)} ms${unanswered ? `; ${unanswered} of ${hostile.requests.length} got no answer` : ''}`
      : 'not run',
  );
  add(
    'typing a query sends ≤ 5 requests',
    typing ? typing.requests.length <= LIMITS.typingRequests : null,
    typing ? `${typing.requests.length} requests while typing "${typing.query}"` : 'not run',
  );
  add(
    'soak: zero 5xx',
    soak ? soak.load.statusClasses['5xx'] === 0 : null,
    soak ? `${soak.load.statusClasses['5xx']} of ${soak.load.requests} responses` : 'not run',
  );
  add(
    'soak: still answering afterwards, RSS flat under load (last quarter ≤ 1.25× second quarter)',
    soak ? soak.aliveAfter && soak.rssSteadyGrowth <= LIMITS.soakRssGrowth : null,
    soak
      ? `${soak.aliveAfter ? 'answers' : 'DOES NOT ANSWER'}; RSS ${bytes(soak.rssStartBytes)} at start → ${bytes(soak.rssEndBytes)} at end; steady-state growth ${times(soak.rssSteadyGrowth)}`
      : 'not run',
  );
  return out;
}
