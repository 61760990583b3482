import Link from 'next/link';
import type { ArchiveCoverage } from '@/lib/archive/coverage';
import type { Issue } from '@/lib/catalogue/model';
import { formatCount, formatIssueDate, issueSubtitle } from '@/lib/format';
import type { TopicSummary } from '@/lib/topics/browse';
import { issueUrl, searchUrl, topicUrl } from '@/lib/urls';
import { ArchiveStatement } from './archive-statement';

/**
 * The search page with no query: what the build holds, example searches that find something in it,
 * every topic with its count, the latest issues.
 */
export function Landing({
  issues,
  topics,
  coverage,
  examples,
}: {
  issues: Issue[];
  topics: TopicSummary[];
  coverage: ArchiveCoverage;
  examples: string[];
}) {
  return (
    <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-10">
        <ArchiveStatement coverage={coverage} />
        <section aria-labelledby="examples">
          <h2
            id="examples"
            className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            Try a search
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {examples.map((q) => (
              <li key={q}>
                <Link
                  prefetch={false}
                  href={searchUrl({ q })}
                  className="inline-block rounded-full border border-zinc-300 px-3 py-1 text-sm hover:border-indigo-500 hover:text-indigo-700 dark:border-zinc-700 dark:hover:text-indigo-300"
                >
                  {q}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="latest">
          <h2
            id="latest"
            className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            Latest issues
          </h2>
          <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
            {issues.slice(0, 8).map((issue) => (
              <li key={issue.number} className="py-3">
                <Link prefetch={false} href={issueUrl(issue.number)} className="group block">
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    Import AI {issue.number} · {formatIssueDate(issue.date, issue.dateBasis)}
                  </span>
                  <span className="mt-0.5 block font-medium group-hover:text-indigo-700 group-hover:underline dark:group-hover:text-indigo-300">
                    {issueSubtitle(issue.title)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="browse-topics">
        <h2
          id="browse-topics"
          className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
        >
          Browse by topic
        </h2>
        <ul className="mt-3 space-y-1">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link
                prefetch={false}
                href={topicUrl(topic.slug)}
                className="flex items-baseline justify-between gap-3 rounded-md px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <span>{topic.label}</span>
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {formatCount(topic.stories)} {topic.stories === 1 ? 'story' : 'stories'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
