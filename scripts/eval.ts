import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../lib/catalogue';
import {
  docsWithKeys,
  evaluate,
  miniSearchRanker,
  ourRanker,
  type EngineScore,
  type RelevanceQuery,
} from '../lib/eval/relevance';
import { SearchEngine } from '../lib/search/engine';

/**
 * `npm run eval`: MRR@10 and Recall@10 of our engine and of MiniSearch (BM25) on the relevance
 * suite (lib/search/relevance-suite.json) over the full archive (../shared/corpus, or CATALOGUE_DIR).
 */
async function main(): Promise<void> {
  const corpus = path.resolve('..', 'shared', 'corpus');
  const dir = process.env.CATALOGUE_DIR ?? (existsSync(corpus) ? corpus : undefined);
  if (!dir) throw new Error('eval: needs the archive; set CATALOGUE_DIR (../shared/corpus not found)');
  const suite = JSON.parse(readFileSync('lib/search/relevance-suite.json', 'utf8')) as {
    queries: RelevanceQuery[];
  };
  const { issues } = await loadCatalogue(dir);
  const docs = docsWithKeys(issues);
  const scores = [
    evaluate('import-ai-search', ourRanker(SearchEngine.fromIssues(issues)), suite.queries, docs),
    evaluate('minisearch (bm25, prefix, fuzzy)', miniSearchRanker(docs), suite.queries, docs),
  ];
  const verbose = process.argv.includes('--verbose');
  console.log(
    `eval: ${suite.queries.length} queries over ${issues.length} issues, ${docs.length} paragraphs\n`,
  );
  const kinds = [...new Set(suite.queries.map((q) => q.kind))];
  const header = ['engine', 'MRR@10', 'Recall@10', ...kinds.map((k) => `R@10 ${k}`)];
  const rows = scores.map((s) => [
    s.name,
    s.mrr.toFixed(3),
    s.recall.toFixed(3),
    ...kinds.map((k) => recallOf(s, k)),
  ]);
  printTable(header, rows);
  if (verbose) {
    for (const s of scores) {
      console.log(`\n${s.name}: misses and ranks > 1`);
      for (const o of s.outcomes)
        if (o.rank !== 1) console.log(`  ${o.rank ?? '-'}\t${o.query.kind}\t${o.query.query}`);
    }
  }
}

function recallOf(score: EngineScore, kind: string): string {
  const of = score.outcomes.filter((o) => o.query.kind === kind);
  return `${of.filter((o) => o.rank !== null).length}/${of.length}`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
