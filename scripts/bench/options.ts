export interface BenchOptions {
  /** Shorter durations, fewer rounds and a 3× scale instead of 10× and 30×: a smoke run. */
  quick: boolean;
  /** Skip everything that needs the Next server (HTTP load, page weight; the soak unless `--soak`). */
  skipHttp: boolean;
  /** Build only the archive as it is, not the 10× and 30× copies. */
  skipScale: boolean;
  soak: boolean;
  /** Also run the server under `node --cpu-prof` during a short load and list the top self-time functions. */
  profile: boolean;
}

/** How long each phase runs, by mode. */
export interface Durations {
  /** Seconds per autocannon run. */
  loadSeconds: number;
  /** Seconds of warm-up load before measuring a server. */
  warmupSeconds: number;
  soakSeconds: number;
  profileSeconds: number;
  /** Copies of the archive built (1 = as it is). */
  scales: number[];
  /** Fresh engines the cold latencies are taken over. */
  coldRounds: number;
  /** Timed passes over the query mix for warm latencies and peers. */
  warmRounds: number;
}

export const USAGE =
  'usage: npm run bench [-- --quick] [--skip-http] [--skip-scale] [--soak | --no-soak] [--profile]';

export function parseOptions(args: readonly string[]): BenchOptions {
  const known = ['--quick', '--skip-http', '--skip-scale', '--soak', '--no-soak', '--profile'];
  const unknown = args.filter((a) => !known.includes(a));
  if (unknown.length) throw new Error(`bench: unknown argument ${unknown.join(' ')}\n${USAGE}`);
  if (args.includes('--soak') && args.includes('--no-soak'))
    throw new Error(`bench: give --soak or --no-soak, not both\n${USAGE}`);
  const skipHttp = args.includes('--skip-http');
  return {
    quick: args.includes('--quick'),
    skipHttp,
    skipScale: args.includes('--skip-scale'),
    // The soak needs the server: on by default, off with --skip-http unless asked for.
    soak: args.includes('--soak') || (!args.includes('--no-soak') && !skipHttp),
    profile: args.includes('--profile'),
  };
}

export function durationsFor(options: BenchOptions): Durations {
  return options.quick
    ? {
        scales: [1, 3],
        loadSeconds: 3,
        warmupSeconds: 1,
        soakSeconds: 10,
        profileSeconds: 3,
        coldRounds: 2,
        warmRounds: 3,
      }
    : {
        scales: [1, 10, 30],
        loadSeconds: 10,
        warmupSeconds: 3,
        soakSeconds: 60,
        profileSeconds: 10,
        coldRounds: 6,
        warmRounds: 10,
      };
}
