import type { EngineMemory } from '../../lib/bench/engine-memory';
import type { OwnerTime, SelfTime } from '../../lib/bench/cpu-profile';
import type { LatencySummary } from '../../lib/bench/stats';

/** Marks the line a build child prints its report on. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** What one build child reports (scripts/bench/build-child.ts). */
export interface BuildChildReport {
  mode: 'build' | 'parse' | 'baseline';
  /** Wall time of the measured work, in milliseconds. */
  ms: number;
  /** Peak resident set size of the child, in bytes. */
  maxRssBytes: number;
  issues: number;
  paragraphs: number;
  rejected: number;
  /** The build folder written (mode `build`). */
  buildDir?: string;
}

export interface BuildRow {
  /** 1, 10 or 30: how many copies of the archive. */
  scale: number;
  issues: number;
  paragraphs: number;
  /** Files the build rejected (should be 0, or what the 1× build rejects, times the scale). */
  rejected: number;
  /** Parsing alone (a separate child process), in milliseconds. */
  parseMs: number;
  /** The whole build (parse, index, export, write), in milliseconds. */
  buildMs: number;
  /** Build minus parse: indexing, export and writing, in milliseconds (negative: the two runs were disturbed). */
  indexMs: number;
  /** Microseconds of build time per paragraph. */
  usPerParagraph: number;
  /** Total bytes of the build folder. */
  artefactBytes: number;
  bytesPerParagraph: number;
  /** Peak RSS of the build child, in bytes. */
  peakRssBytes: number;
  /** Peak RSS of the parse-only child, in bytes. */
  parsePeakRssBytes: number;
}

export interface BuildSection {
  /** Peak RSS of a child that only loads tsx (the floor under every figure). */
  baselineRssBytes: number;
  rows: BuildRow[];
  /** Build time per paragraph at each scale relative to 1× (1.0 = linear). */
  growth: { scale: number; perParagraphVs1x: number }[];
}

export type EngineId = 'ours' | 'flexsearch' | 'minisearch' | 'orama';

export interface EngineRow {
  id: EngineId;
  name: string;
  /** What the row measures ("cold": first run of each query on a fresh engine). */
  mode: 'cold' | 'warm' | 'n/a';
  latency: LatencySummary;
  /** Index construction, in milliseconds. */
  buildMs: number;
}

export interface EngineSection {
  paragraphs: number;
  queries: number;
  /** Fresh engines the cold figures are taken over. */
  coldRounds: number;
  rows: EngineRow[];
  /** Heap held by FlexSearch's index and by the engine's own tables over the same paragraphs. */
  memory: EngineMemory;
  /** p50 per query kind, ours cold, in milliseconds. */
  byKind: { kind: string; queries: number; oursColdP50: number; flexP50: number; miniP50: number }[];
  ratios: { oursColdVsFlexP50: number; oursColdVsMiniP50: number; oursWarmVsFlexP50: number };
}

export interface LoadResult {
  /** What was loaded: server and route. */
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Mean response size (headers and body), in bytes. */
  bytesPerResponse: number;
  latency: LatencySummary;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusClasses: Record<'1xx' | '2xx' | '3xx' | '4xx' | '5xx', number>;
  statusCodes: Record<string, number>;
}

export interface HttpSection {
  runs: LoadResult[];
  ratios: {
    connections: number;
    oursVsFlexRps: number;
    oursVsFlexP99: number;
    oursVsMiniRps: number;
  }[];
  /** The same ratios over the archive-drawn queries, every one a cache miss. */
  uncached: {
    connections: number;
    /** Distinct queries cycled through. */
    queries: number;
    oursRps: number;
    flexRps: number;
    oursVsFlexRps: number;
    oursP99: number;
    flexP99: number;
    oursVsFlexP99: number;
  }[];
}

export interface HostileSection {
  /** Each hostile request, sent alone, in order. */
  requests: { label: string; method: string; path: string; status: number; ms: number }[];
  slowest: HostileSection['requests'][number];
  /** A cheap cached search asked over and over meanwhile: its worst wait is the worst stall. */
  probe: LatencySummary;
}

export interface TypingSection {
  /** What was typed, and how fast. */
  query: string;
  keyDelayMs: number;
  /** Requests to the server from the first key until the results showed and the page scrolled. */
  requests: string[];
}

export interface PageWeight {
  path: string;
  status: number;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Scripts a current browser loads (`nomodule` ones left out). */
  scripts: number;
  jsBytes: number;
  jsGzipBytes: number;
  /** `<script nomodule>` (polyfills only older browsers download), gzipped. */
  noModuleGzipBytes: number;
  /** Each script tag, largest (gzipped) first. */
  scriptSizes: { src: string; noModule: boolean; bytes: number; gzipBytes: number }[];
}

export interface WeightSection {
  /** VmRSS of the Next server after the HTTP load, in bytes. */
  serverRssBytes: number;
  /** VmRSS right after its first search (index loaded, no load yet), in bytes. */
  idleRssBytes: number;
  serverPid: number;
  pages: PageWeight[];
}

export interface SoakSection {
  seconds: number;
  connections: number;
  /** Distinct request paths rotated through (valid and hostile, both routes). */
  paths: number;
  load: LoadResult;
  rssStartBytes: number;
  rssEndBytes: number;
  /** RSS sampled every second during the soak, in bytes. */
  rssSamples: number[];
  /** Mean RSS over the last quarter of the soak / over its second quarter (1.0 = flat). */
  rssSteadyGrowth: number;
  /** Whether the server still answered a plain search after the soak. */
  aliveAfter: boolean;
}

export interface ProfileWindow {
  /** The workload loaded during this window. */
  label: string;
  busyMs: number;
  idleMs: number;
  top: SelfTime[];
  owners: OwnerTime[];
}

export interface ProfileSection {
  /** Seconds of load per workload. */
  seconds: number;
  file: string;
  windows: ProfileWindow[];
}

export interface Target {
  name: string;
  pass: boolean | null;
  detail: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the bench started: other work on the machine skews every figure. */
  loadAverage: number[];
}

export interface BenchResults {
  machine: Machine;
  options: Record<string, boolean>;
  build?: BuildSection;
  engine?: EngineSection;
  http?: HttpSection;
  weight?: WeightSection;
  soak?: SoakSection;
  hostile?: HostileSection;
  typing?: TypingSection;
  profile?: ProfileSection;
  targets: Target[];
  /** Problems met while running (a section that failed, a check that did not hold). */
  notes: string[];
}
