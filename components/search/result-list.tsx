import Link from 'next/link';
import { formatIssueDate } from '@/lib/format';
import type { SearchResult } from '@/lib/search';
import { findTopic } from '@/lib/topics/taxonomy';
import { issueUrl, issueUrlWithQuery } from '@/lib/urls';

/** Where a result links: the issue page, with the query (for the way back) and the matched words (to mark). */
export interface ResultSearch {
  q: string;
  terms: readonly string[];
}

function SnippetList({
  issue,
  paragraphs,
  search,
}: {
  issue: number;
  paragraphs: readonly { id: string; snippet: string }[];
  search: ResultSearch;
}) {
  return (
    <ul className="mt-2 space-y-1">
      {paragraphs.map((paragraph) => (
        <li key={paragraph.id}>
          <Link
            prefetch={false}
            href={issueUrlWithQuery(issue, search, paragraph.id)}
            className="-mx-2 block rounded-lg px-2 py-1.5 font-serif text-[15px] leading-relaxed text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800/70 [&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-yellow-500/30"
          >
            {/* The snippet is escaped by the search engine; only <mark> is added. */}
            <span dangerouslySetInnerHTML={{ __html: paragraph.snippet }} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** One card per result: a story with its lead paragraph and up to two more (or, grouped by paragraph, one paragraph). */
export function ResultList({
  results,
  search,
  topicHref,
}: {
  results: readonly SearchResult[];
  search: ResultSearch;
  topicHref: (slug: string) => string;
}) {
  return (
    <ol className="space-y-4" aria-label="Results">
      {results.map((result) => (
        <li key={`${result.issue}-${result.id}`}>
          <article className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/60">
            <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
              <Link
                prefetch={false}
                href={issueUrl(result.issue)}
                className="font-medium text-zinc-700 hover:underline dark:text-zinc-300"
              >
                Import AI {result.issue}
              </Link>
              <span aria-hidden="true">·</span>
              <time dateTime={result.date}>{formatIssueDate(result.date, result.dateBasis)}</time>
              {result.kind === 'tech-tales' && (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200">
                  Tech Tales
                </span>
              )}
            </p>
            <h3 className="mt-1 text-lg leading-snug font-semibold">
              <Link
                prefetch={false}
                href={issueUrlWithQuery(result.issue, search, result.id)}
                className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300"
              >
                {result.story}
              </Link>
            </h3>
            <SnippetList issue={result.issue} paragraphs={[result, ...(result.more ?? [])]} search={search} />
            {(result.moreCount ?? 0) > 0 && (
              <Link
                prefetch={false}
                href={issueUrlWithQuery(result.issue, search, result.storyId)}
                className="mt-1 inline-block rounded px-0.5 text-sm text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              >
                {result.moreCount} more in this story
              </Link>
            )}
            {result.topics.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Topics">
                {result.topics.map((slug) => (
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
