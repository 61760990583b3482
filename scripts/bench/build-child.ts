import { loadCatalogue } from '../../lib/catalogue';
import { buildArtefacts } from '../../lib/store/build';
import { RESULT_PREFIX, type BuildChildReport } from './types';

/**
 * Run by the bench in a child process (`node --import tsx scripts/bench/build-child.ts <mode>
 * <catalogueDir> <indexDir>`), so that the peak RSS it reports belongs to one build alone.
 * Modes: `build` (the full build), `parse` (the catalogue only), `baseline` (nothing: the floor).
 * Prints one line: `BENCH_RESULT <json>`.
 */
async function main(): Promise<void> {
  const [mode, catalogueDir, indexDir] = process.argv.slice(2);
  if (mode !== 'build' && mode !== 'parse' && mode !== 'baseline')
    throw new Error(`bench: build-child: unknown mode "${mode}" (build, parse or baseline)`);
  if (mode !== 'baseline' && (!catalogueDir || !indexDir))
    throw new Error('bench: build-child: needs <mode> <catalogueDir> <indexDir>');
  let report: BuildChildReport;
  const started = performance.now();
  if (mode === 'build') {
    const result = await buildArtefacts({
      catalogueDir: catalogueDir!,
      indexDir: indexDir!,
      incremental: false,
    });
    report = {
      mode,
      ms: performance.now() - started,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      ...counts(result.catalogue),
      buildDir: result.buildDir,
    };
  } else if (mode === 'parse') {
    const catalogue = await loadCatalogue(catalogueDir!);
    report = {
      mode,
      ms: performance.now() - started,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      ...counts(catalogue),
    };
  } else {
    report = {
      mode,
      ms: 0,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      issues: 0,
      paragraphs: 0,
      rejected: 0,
    };
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(report)}\n`);
}

function counts(catalogue: Awaited<ReturnType<typeof loadCatalogue>>) {
  return {
    issues: catalogue.issues.length,
    paragraphs: catalogue.issues.reduce(
      (n, issue) => n + issue.stories.reduce((m, story) => m + story.paragraphs.length, 0),
      0,
    ),
    rejected: catalogue.report.rejected.length,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
