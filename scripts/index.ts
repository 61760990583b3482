import path from 'node:path';
import { catalogueDir, indexDir } from '../lib/config';
import { printable } from '../lib/format';
import { buildArtefacts } from '../lib/store/build';

/**
 * `npm run index [-- --keep-going] [-- --full]`: parse CATALOGUE_DIR and write the catalogue and
 * index to INDEX_DIR. Only files whose content changed are re-parsed unless `--full` is given.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--keep-going' && a !== '--full');
  if (unknown.length) {
    console.error(
      `index: unknown argument ${unknown.join(' ')}\nusage: npm run index [-- --keep-going] [-- --full]`,
    );
    return 2;
  }
  const keepGoing = args.includes('--keep-going');
  const incremental = !args.includes('--full');
  const started = performance.now();
  const source = catalogueDir();
  const target = indexDir();
  const result = await buildArtefacts({ catalogueDir: source, indexDir: target, incremental });
  // Lines carry file names and titles from the archive: print each as one visible line.
  for (const line of result.summary) console.log(printable(line));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `index: wrote ${path.relative(process.cwd(), result.buildDir) || result.buildDir} in ${seconds} s`,
  );
  if (result.hasRejections && !keepGoing) {
    console.error(
      `index: ${result.catalogue.report.rejected.length} file(s) rejected (see above); the index was still written with every good issue. Fix them, or pass --keep-going to accept this.`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
