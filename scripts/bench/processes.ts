import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every child the bench starts is registered here and started in its own process group, so the
 * group (a server and whatever it spawned) can be ended by id, on success, failure or Ctrl-C.
 */
const running = new Set<StartedProcess>();

export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  /** Everything written to stdout and stderr so far (the last 64 KB of each). */
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

const KEEP_OUTPUT = 64 * 1024;

export function startProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): StartedProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`bench: could not start ${command} ${args.join(' ')}`);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-KEEP_OUTPUT);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-KEEP_OUTPUT);
  });
  const exited = new Promise<number | null>((resolve) => {
    // 'close' (not 'exit'): the output is complete once it fires.
    child.once('close', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const started: StartedProcess = { child, pid, output: () => ({ stdout, stderr }), exited };
  running.add(started);
  void exited.then(() => running.delete(started));
  return started;
}

/** Runs a child to completion and returns its output; throws with its stderr when it fails. */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const started = startProcess(command, args, options);
  const code = await started.exited;
  const output = started.output();
  if (code !== 0) {
    throw new Error(
      `bench: ${command} ${args.join(' ')} exited with ${code ?? 'an error'}:\n${output.stderr.slice(-2000)}`,
    );
  }
  return output;
}

/** Ends a child's process group: SIGTERM (SIGINT for servers that should write a profile), then SIGKILL. */
export async function stopProcess(
  started: StartedProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5_000,
): Promise<void> {
  if (!running.has(started)) return;
  signalGroup(started.pid, signal);
  const timer = setTimeout(() => signalGroup(started.pid, 'SIGKILL'), graceMs);
  await started.exited;
  clearTimeout(timer);
  // A grandchild may outlive its parent: end the rest of the group too.
  signalGroup(started.pid, 'SIGKILL');
}

/** Synchronous last resort (process exit): kills every group still registered. */
export function killAllNow(): void {
  for (const started of running) signalGroup(started.pid, 'SIGKILL');
  running.clear();
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((started) => stopProcess(started, 'SIGTERM', 2_000)));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Polls `url` until the server answers (any status); fails early if the process exits. */
export async function waitForHttp(url: string, started: StartedProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void started.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(
        `bench: server exited before answering ${url}:\n${started.output().stderr.slice(-2000)}`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`bench: ${url} did not answer within ${timeoutMs / 1000} s`);
}

/** VmRSS of a process, in bytes (0 when it is gone). */
export function readRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The process actually serving: `root` or one of its descendants, preferring the one Next titles
 * `next-server`, else the descendant with the largest RSS.
 */
export function findServerPid(root: number): number {
  const family = [root, ...descendantsOf(root)];
  const titled = family.find((pid) => commandLine(pid).startsWith('next-server'));
  if (titled !== undefined) return titled;
  return family.reduce((best, pid) => (readRss(pid) > readRss(best) ? pid : best), root);
}

function descendantsOf(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the ppid is the 2nd field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone while listing.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of parents.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}
