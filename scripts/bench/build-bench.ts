import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { runProcess } from './processes';
import { writeScaledCorpus } from './scale-corpus';
import { RESULT_PREFIX, type BuildChildReport, type BuildRow, type BuildSection } from './types';

const CHILD = path.join('scripts', 'bench', 'build-child.ts');

/** Runs one build child and reads its report. */
async function runChild(
  mode: BuildChildReport['mode'],
  catalogueDir = '',
  indexDir = '',
): Promise<BuildChildReport> {
  const { stdout } = await runProcess(process.execPath, [
    '--import',
    'tsx',
    CHILD,
    mode,
    catalogueDir,
    indexDir,
  ]);
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`bench: build child (${mode}) printed no result:\n${stdout.slice(-1000)}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as BuildChildReport;
}

/** Total bytes of the files under `dir`. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

/**
 * Builds the archive at each scale in a child process of its own: parse only, then the full build.
 * The 1× build is written to `mainIndexDir` (the index the servers are benchmarked on); the scaled
 * copies and their builds live under `workDir` and are removed once measured.
 */
export async function benchBuilds(options: {
  corpusDir: string;
  mainIndexDir: string;
  workDir: string;
  scales: readonly number[];
  log: (line: string) => void;
}): Promise<BuildSection> {
  const baseline = await runChild('baseline');
  const rows: BuildRow[] = [];
  for (const scale of options.scales) {
    const catalogueDir = scale === 1 ? options.corpusDir : path.join(options.workDir, `corpus-${scale}x`);
    const indexDir = scale === 1 ? options.mainIndexDir : path.join(options.workDir, `index-${scale}x`);
    if (scale !== 1) {
      const files = await writeScaledCorpus(options.corpusDir, catalogueDir, scale);
      options.log(`build ${scale}x: wrote ${files} issue files to ${catalogueDir}`);
    }
    options.log(`build ${scale}x: parsing (child process)`);
    const parse = await runChild('parse', catalogueDir, indexDir);
    options.log(`build ${scale}x: full build (child process)`);
    const build = await runChild('build', catalogueDir, indexDir);
    const artefactBytes = await folderBytes(build.buildDir!);
    rows.push({
      scale,
      issues: build.issues,
      paragraphs: build.paragraphs,
      rejected: build.rejected,
      parseMs: parse.ms,
      buildMs: build.ms,
      indexMs: build.ms - parse.ms,
      usPerParagraph: (build.ms * 1000) / Math.max(1, build.paragraphs),
      artefactBytes,
      bytesPerParagraph: artefactBytes / Math.max(1, build.paragraphs),
      peakRssBytes: build.maxRssBytes,
      parsePeakRssBytes: parse.maxRssBytes,
    });
    options.log(`build ${scale}x: ${build.paragraphs} paragraphs in ${(build.ms / 1000).toFixed(1)} s`);
    if (scale !== 1) {
      await rm(catalogueDir, { recursive: true, force: true });
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  const base = rows.find((r) => r.scale === 1);
  return {
    baselineRssBytes: baseline.maxRssBytes,
    rows,
    growth: rows.map((r) => ({
      scale: r.scale,
      perParagraphVs1x: base ? r.usPerParagraph / base.usPerParagraph : Number.NaN,
    })),
  };
}
