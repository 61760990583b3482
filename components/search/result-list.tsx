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

/** Results from the same story are shown under one story heading, placed where its best result ranks. */
function groupByStory(results: readonly SearchResult[]): StoryGroup[] {
  const groups = new Map<string, StoryGroup>();
  for (const result of results) {
    const key = `${result.issue}/${result.storyId}`;
    const group = groups.get(key);
    if (group) group.results.push(result);
    else groups.set(key, { key, first: result, results: [result] });
  }
  return [...groups.values()];
}

/** Paragraphs shown per story before the rest fold away. */
const SHOWN_PER_STORY = 3;

function SnippetList({ results, q }: { results: SearchResult[]; q: string }) {
  return (
    <ul className="mt-2 space-y-1">
      {results.map((result) => (
        <li key={result.id}>
          <Link
            prefetch={false}
            href={issueUrlWithQuery(result.issue, q, result.id)}
            className="-mx-2 block rounded-lg px-2 py-1.5 font-serif text-[15px] leading-relaxed text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800/70 [&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-yellow-500/30"
          >
            {/* The snippet is escaped by the search engine; only <mark> is added. */}
            <span dangerouslySetInnerHTML={{ __html: result.snippet }} />
          </Link>
        </li>
      ))}
    </ul>
  );
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
                prefetch={false}
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
                prefetch={false}
                href={issueUrlWithQuery(group.first.issue, q, group.first.id)}
                className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300"
              >
                {group.first.story}
              </Link>
            </h3>
            <SnippetList results={group.results.slice(0, SHOWN_PER_STORY)} q={q} />
            {group.results.length > SHOWN_PER_STORY && (
              <details className="mt-1">
                <summary className="cursor-pointer rounded px-0.5 text-sm text-indigo-700 dark:text-indigo-300">
                  {group.results.length - SHOWN_PER_STORY} more from this story
                </summary>
                <SnippetList results={group.results.slice(SHOWN_PER_STORY)} q={q} />
              </details>
            )}
            {group.first.topics.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Topics">
                {group.first.topics.map((slug) => (
                  <li key={slug}>
                    <Link
                      prefetch={false}
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
