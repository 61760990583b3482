import { TOPICS } from '../topics/taxonomy';
import type { Catalogue } from './load';

/** The build's human-readable report: what was taken, what was set aside and why. */
export function summariseCatalogue(catalogue: Catalogue, dir: string): string[] {
  const { issues, report } = catalogue;
  const stories = issues.flatMap((i) => i.stories);
  const paragraphs = stories.reduce((n, s) => n + s.paragraphs.length, 0);
  const lines = [
    `catalogue: read ${report.files} issue file${report.files === 1 ? '' : 's'} from ${dir}` +
      (report.ignored.length ? ` (left alone, not issues: ${report.ignored.join(', ')})` : ''),
    `catalogue: took ${report.accepted.length}, rejected ${report.rejected.length}, set aside ${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'}`,
    `catalogue: ${issues.length} issues, ${stories.length} stories, ${paragraphs} paragraphs; ${report.estimatedDates} issue date${report.estimatedDates === 1 ? '' : 's'} estimated`,
  ];
  if (report.changed) {
    const changed = report.changed;
    const names = changed.length <= 8 ? `: ${changed.join(', ')}` : '';
    lines.push(
      changed.length === 0
        ? `catalogue: nothing changed since the last build (${report.unchanged ?? 0} files reused)`
        : `catalogue: parsed ${changed.length} new or changed file${changed.length === 1 ? '' : 's'}${names}; reused ${report.unchanged ?? 0} unchanged`,
    );
  }
  for (const d of report.duplicates) {
    lines.push(
      `catalogue: duplicate: ${d.file} is another copy of issue ${d.number}; ${d.reason === 'richer' ? `kept the richer ${d.kept}` : `kept ${d.kept} (as rich; the file named as the archive names issues wins)`}`,
    );
  }
  for (const r of report.rejected) lines.push(`catalogue: rejected: ${r.file}: ${r.reason}`);
  const perTopic = TOPICS.map((t) => `${t.slug} ${stories.filter((s) => s.topics.includes(t.slug)).length}`);
  lines.push(`topics: stories per topic: ${perTopic.join(', ')}`);
  return lines;
}
