import { existsSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { archiveQueries, queryMix, uncachedQueryMix } from '../lib/bench/queries';
import type { Issue } from '../lib/catalogue/model';
import { readArtefact, resolveCurrentBuild } from '../lib/store/artefacts';
import { benchBuilds } from './bench/build-bench';
import { benchEngines } from './bench/engine-bench';
import { describeMachine } from './bench/machine';
import { durationsFor, parseOptions } from './bench/options';
import { killAllNow, stopAll } from './bench/processes';
import { profileServer } from './bench/profile';
import { renderReport } from './bench/report';
import { logToStderr, SectionRunner } from './bench/sections';
import { benchServer } from './bench/server-sections';
import { evaluateTargets } from './bench/targets';
import type { BenchResults, BuildSection, Machine } from './bench/types';

/**
 * `npm run bench [-- --quick] [--skip-http] [--skip-scale] [--soak | --no-soak] [--profile]`:
 * build time, size and memory (1×, 10×, 30× the archive), engine latency against FlexSearch,
 * MiniSearch and Orama, HTTP throughput against bare Node servers, page weight and a hostile soak.
 * Progress goes to stderr; the report to stdout and bench-results/latest.json.
 */
const RESULTS_DIR = 'bench-results';

let workDir: string | undefined;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const durations = durationsFor(options);
  const corpusDir = path.resolve(process.env.CATALOGUE_DIR || path.join('..', 'shared', 'corpus'));
  if (!existsSync(corpusDir))
    throw new Error(`bench: needs the archive; ${corpusDir} not found (set CATALOGUE_DIR)`);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'import-ai-bench-'));
  const indexDir = path.join(workDir, 'index');
  const sections = new SectionRunner(logToStderr);
  const machine = describeMachine();
  sections.notes.push(...busyMachineNotes(machine));
  const mix = queryMix();
  logToStderr(`corpus ${corpusDir}; work folder ${workDir}`);

  const build = await sections.run('build', () =>
    benchBuilds({
      corpusDir,
      mainIndexDir: indexDir,
      workDir: workDir!,
      scales: options.skipScale ? [1] : durations.scales,
      log: logToStderr,
    }),
  );
  if (!build) throw new Error('bench: the 1× build failed; nothing else can run');
  sections.notes.push(...buildNotes(build));

  const issues = await readIssues(indexDir);
  // Over HTTP, every server is asked the same thousands of distinct archive queries: no cache answers.
  const uncached = archiveQueries(issues);
  const engine = await sections.run('engine', () =>
    benchEngines({
      issues,
      mix,
      warmupMix: uncachedQueryMix(),
      coldRounds: durations.coldRounds,
      warmRounds: durations.warmRounds,
      log: logToStderr,
    }),
  );

  const served =
    !options.skipHttp || options.soak
      ? await benchServer({ indexDir, bench: options, durations, mix, uncached, sections })
      : {};

  const profile = options.profile
    ? await sections.run('profile', async () => {
        const profileDir = path.join(workDir!, 'profile');
        await mkdir(profileDir, { recursive: true });
        const found = await profileServer({
          indexDir,
          profileDir,
          mix,
          uncached,
          seconds: durations.profileSeconds,
          log: logToStderr,
        });
        await mkdir(RESULTS_DIR, { recursive: true });
        const kept = path.join(RESULTS_DIR, 'server.cpuprofile');
        await copyFile(found.file, kept);
        return { ...found, file: kept };
      })
    : undefined;

  const loadAtEnd = os.loadavg()[0] ?? 0;
  if (loadAtEnd > machine.cores * 1.5)
    sections.notes.push(
      `load average at the end was ${loadAtEnd.toFixed(2)}: the bench competed with other work`,
    );
  const results: Omit<BenchResults, 'targets'> = {
    machine,
    options: { ...options },
    build,
    engine,
    ...served,
    profile,
    notes: sections.notes,
  };
  const final: BenchResults = { ...results, targets: evaluateTargets(results) };
  process.stdout.write(`${renderReport(final)}\n`);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(final, null, 2)}\n`);
  logToStderr(`wrote ${path.join(RESULTS_DIR, 'latest.json')}`);
  return sections.failed ? 1 : 0;
}

function busyMachineNotes(machine: Machine): string[] {
  const [load1] = machine.loadAverage;
  return load1 !== undefined && load1 > machine.cores * 0.75
    ? [
        `the machine was busy when the bench started (load average ${load1.toFixed(2)} on ${machine.cores} cores): figures are pessimistic`,
      ]
    : [];
}

function buildNotes(build: BuildSection): string[] {
  const notes: string[] = [];
  const base = build.rows[0];
  for (const row of build.rows) {
    if (row.indexMs < 0)
      notes.push(
        `build ${row.scale}×: parsing alone took longer than the whole build: other work disturbed the timings`,
      );
    if (base && row.issues !== base.issues * row.scale)
      notes.push(
        `build ${row.scale}×: ${row.issues} issues, expected ${base.issues * row.scale} (renumbering missed copies)`,
      );
  }
  return notes;
}

async function readIssues(indexDir: string): Promise<Issue[]> {
  const buildDir = await resolveCurrentBuild(indexDir);
  return (JSON.parse(await readArtefact(buildDir, 'catalogue.json')) as { issues: Issue[] }).issues;
}

/** Ends every child and removes the work folder, whatever happened. */
async function cleanUp(): Promise<void> {
  await stopAll();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logToStderr(`${signal}; stopping children`);
    killAllNow();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}
process.once('exit', killAllNow);

main().then(
  async (code) => {
    await cleanUp();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    await cleanUp();
    process.exit(1);
  },
);
