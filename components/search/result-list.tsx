import Link from 'next/link';
import { formatIssueDate } from '@/lib/format';
import type { SearchResult } from '@/lib/search';
import { findTopic } from '@/lib/topics/taxonomy';
import { issueUrl, issueUrlWithQuery } from '@/lib/urls';

interface StoryGroup {
  key: string;
  first: SearchResult;
  results: SearchResult[];
}

/** Consecutive results from the same story are shown under one story heading. */
function groupByStory(results: readonly SearchResult[]): StoryGroup[] {
  const groups: StoryGroup[] = [];
  for (const result of results) {
    const key = `${result.issue}/${result.storyId}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.results.push(result);
    else groups.push({ key, first: result, results: [result] });
  }
  return groups;
}

export function ResultList({
  results,
  q,
  topicHref,
}: {
  results: SearchResult[];
  q: string;
  topicHref: (slug: string) => string;
}) {
  return (
    <ol className="space-y-4" aria-label="Results">
      {groupByStory(results).map((group) => (
        <li key={`${group.key}-${group.first.id}`}>
          <article className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/60">
            <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
              <Link
                href={issueUrl(group.first.issue)}
                className="font-medium text-zinc-700 hover:underline dark:text-zinc-300"
              >
                Import AI {group.first.issue}
              </Link>
              <span aria-hidden="true">·</span>
              <time dateTime={group.first.date}>
                {formatIssueDate(group.first.date, group.first.dateBasis)}
              </time>
              {group.first.kind === 'tech-tales' && (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200">
                  Tech Tales
                </span>
              )}
            </p>
            <h3 className="mt-1 text-lg leading-snug font-semibold">
              <Link
                href={issueUrlWithQuery(group.first.issue, q, group.first.id)}
                className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300"
              >
                {group.first.story}
              </Link>
            </h3>
            <div className="mt-2 space-y-2">
              {group.results.map((result) => (
                <div key={result.id} className="group/para">
                  <p
                    className="font-serif text-[15px] leading-relaxed text-zinc-800 dark:text-zinc-200 [&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-yellow-500/30"
                    // The snippet is escaped by the search engine; only <mark> is added.
                    dangerouslySetInnerHTML={{ __html: result.snippet }}
                  />
                  <Link
                    href={issueUrlWithQuery(result.issue, q, result.id)}
                    className="mt-1 inline-block text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    Go to paragraph
                    <span className="sr-only">
                      {' '}
                      in Import AI {result.issue}: {result.story}
                    </span>{' '}
                    →
                  </Link>
                </div>
              ))}
            </div>
            {group.first.topics.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Topics">
                {group.first.topics.map((slug) => (
                  <li key={slug}>
                    <Link
                      href={topicHref(slug)}
                      scroll={false}
                      className="rounded-full border border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 hover:border-indigo-400 hover:text-indigo-700 dark:border-zinc-700 dark:text-zinc-400 dark:hover:text-indigo-300"
                    >
                      {findTopic(slug)?.label ?? slug}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
