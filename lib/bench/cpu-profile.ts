/** One function in a V8 CPU profile. */
export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based. */
  lineNumber: number;
  /** 0-based. */
  columnNumber: number;
}

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  /** Microseconds, on the monotonic clock (`process.hrtime`). */
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas: number[];
}

export interface SelfTime {
  /** Function name (the original one when a source map knows it), or `(anonymous)`. */
  name: string;
  /** Where it is defined: original source and line when a source map knows them. */
  location: string;
  /** Milliseconds spent in the function itself. */
  selfMs: number;
  /** Share of all sampled time, idle excluded. */
  share: number;
}

/** Who a function belongs to, for a coarse breakdown of where the time goes. */
export type Owner =
  | 'our code'
  | 'next.js'
  | 'react'
  | 'other packages'
  | 'node internals'
  | 'V8 builtins & native'
  | 'garbage collector';

export interface OwnerTime {
  owner: Owner;
  selfMs: number;
  share: number;
}

/** The owner of a function from its (source-mapped) location and name. */
export function ownerOf(name: string, location: string): Owner {
  if (name === '(garbage collector)') return 'garbage collector';
  if (/^(lib|app|components|scripts)\//.test(location) || location.startsWith('proxy.ts')) return 'our code';
  // React ships inside Next (next/dist/compiled/react-dom…): look for it first.
  if (/(^|\/)(react|react-dom|react-server-dom-[\w-]+|scheduler)\//.test(location)) return 'react';
  if (/^(next\/|\.next\/)/.test(location) || location.includes('/next/src/')) return 'next.js';
  if (location.startsWith('node:')) return 'node internals';
  if (location === '') return 'V8 builtins & native';
  return 'other packages';
}

/** Maps a (bundled, minified) frame to its original name and place; undefined when unknown. */
export type FrameResolver = (frame: CallFrame) => { name?: string; location: string } | undefined;

/**
 * Functions by self time, heaviest first. `window` (monotonic microseconds) keeps only the samples
 * taken during a load, leaving out start-up; idle time is left out of the shares.
 */
export function topSelfTime(
  profile: CpuProfile,
  options: {
    limit?: number;
    root?: string;
    window?: { fromUs: number; toUs: number };
    resolve?: FrameResolver;
  } = {},
): { total: number; idle: number; top: SelfTime[]; owners: OwnerTime[] } {
  const { limit = 15, root = '', window, resolve } = options;
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, { name: string; location: string; us: number }>();
  const described = new Map<CallFrame, { name: string; location: string }>();
  const describe = (frame: CallFrame) => {
    let out = described.get(frame);
    if (!out) {
      const mapped = frame.url ? resolve?.(frame) : undefined;
      out = {
        name: (isMinifiedName(frame.functionName) && mapped?.name) || frame.functionName || '(anonymous)',
        location:
          mapped?.location ??
          (frame.url
            ? `${shortenUrl(frame.url, root)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
            : ''),
      };
      described.set(frame, out);
    }
    return out;
  };
  let idle = 0;
  let all = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (window && (time < window.fromUs || time > window.toUs)) return;
    const frame = byNode.get(id);
    if (!frame) return;
    all += delta;
    if (frame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    const { name, location } = describe(frame);
    const key = `${name}@${location}`;
    const entry = totals.get(key) ?? { name, location, us: 0 };
    entry.us += delta;
    totals.set(key, entry);
  });
  const busy = all - idle;
  const byOwner = new Map<Owner, number>();
  for (const e of totals.values()) {
    const owner = ownerOf(e.name, e.location);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + e.us);
  }
  const owners = [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .map(([owner, us]) => ({ owner, selfMs: us / 1000, share: busy ? us / busy : 0 }));
  const top = [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ name: e.name, location: e.location, selfMs: e.us / 1000, share: busy ? e.us / busy : 0 }));
  return { total: busy / 1000, idle: idle / 1000, top, owners };
}

/**
 * The name a function is declared with on a line of source (`function f(`, `const f = (…) =>`,
 * `f(…) {` as a method), for frames whose bundled name is minified.
 */
export function declaredName(line: string): string | undefined {
  const patterns = [
    /\bfunction\*?\s+([\w$]+)/,
    /([\w$]+)\s*[:=]\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*(?::[^=]*)?=>|[\w$]+\s*=>)/,
    /^\s*(?:(?:export|public|private|protected|static|async|get|set|override|readonly)\s+)*\*?([\w$]+)\s*(?:<[^>]*>)?\(/,
  ];
  for (const pattern of patterns) {
    const name = pattern.exec(line)?.[1];
    if (name && !['if', 'for', 'while', 'switch', 'catch', 'return'].includes(name)) return name;
  }
  return undefined;
}

/** Whether a bundled function name looks minified (and is worth replacing by the source's). */
export function isMinifiedName(name: string): boolean {
  return name === '' || name === '(anonymous)' || name.length <= 2;
}

/** A path relative to node_modules, `.next` or the project root. */
export function shortenUrl(url: string, root: string): string {
  // Next's own source maps name their sources `…/webpack:/next/src/…`.
  const path = url.replace(/^file:\/\//, '').replace(/^.*webpack:\/+/, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) return path.slice(modules + 'node_modules/'.length);
  const next = path.indexOf('/.next/');
  if (next !== -1) return path.slice(next + 1);
  return root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
