import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../lib/catalogue';
import {
  docsWithKeys,
  evaluate,
  groupedAfterwards,
  miniSearchList,
  paragraphList,
  storyRanker,
  type EngineScore,
  type Metrics,
  type RelevanceQuery,
} from '../lib/eval/relevance';
import { SearchEngine } from '../lib/search/engine';

/**
 * `npm run eval [-- --verbose]`: relevance on the suite (lib/search/relevance-suite.json) over the
 * full archive (../shared/corpus, or CATALOGUE_DIR). Results are stories: "lead" scores whether the
 * entry's first paragraph is the judged one, "entry" whether the judged story is there at all;
 * MRR@10 and Recall@10 of each, per kind of query, against the paragraph rankings grouped afterwards.
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
  const engine = SearchEngine.fromIssues(issues);
  const ours = evaluate('import-ai-search', storyRanker(engine), suite.queries, docs);
  const baselines = [
    evaluate(
      'paragraph list, grouped after',
      groupedAfterwards(paragraphList(engine, docs)),
      suite.queries,
      docs,
    ),
    evaluate('minisearch, grouped after', groupedAfterwards(miniSearchList(docs)), suite.queries, docs),
  ];
  console.log(
    `eval: ${suite.queries.length} queries over ${issues.length} issues, ${docs.length} paragraphs\n`,
  );
  const header = ['', 'queries', 'lead MRR@10', 'lead R@10', 'entry MRR@10', 'entry R@10'];
  const row = (label: string, m: Metrics) => [
    label,
    String(m.queries),
    m.leadMrr.toFixed(3),
    m.leadRecall.toFixed(3),
    m.entryMrr.toFixed(3),
    m.entryRecall.toFixed(3),
  ];
  console.log(`${ours.name}, by kind of query:`);
  printTable(header, [...[...ours.byKind].map(([kind, m]) => row(kind, m)), row('all', ours.all)]);
  console.log('\nall queries, against the same paragraphs ranked flat and grouped by story afterwards:');
  printTable(
    header,
    [ours, ...baselines].map((s) => row(s.name, s.all)),
  );
  if (process.argv.includes('--verbose')) for (const score of [ours, ...baselines]) printMisses(score);
}

function printMisses(score: EngineScore): void {
  console.log(`\n${score.name}: lead rank, entry rank, recall (lead/entry) where not perfect`);
  for (const o of score.outcomes) {
    if (o.leadRank === 1 && o.entryRank === 1 && o.entryRecall === 1 && o.leadRecall === 1) continue;
    const recall = `${o.leadRecall.toFixed(2)}/${o.entryRecall.toFixed(2)}`;
    console.log(
      `  ${o.leadRank ?? '-'}\t${o.entryRank ?? '-'}\t${recall}\t${o.query.kind}\t${o.query.query}`,
    );
  }
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
