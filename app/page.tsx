import type { Metadata } from 'next';
import Link from 'next/link';
import {
  ActiveFilters,
  ExportLinks,
  GroupControl,
  Pagination,
  SortControl,
} from '@/components/search/controls';
import { FacetPanel } from '@/components/search/facet-panel';
import { Landing } from '@/components/search/landing';
import { ResultList } from '@/components/search/result-list';
import { SearchBox } from '@/components/search/search-box';
import { formatCount, plural } from '@/lib/format';
import {
  MAX_QUERY_LENGTH,
  parseSearchParams,
  SearchParamError,
  toUrlSearchParams,
  type SearchRequest,
} from '@/lib/search';
import {
  activeFilterChips,
  describeFilter,
  facetLinks,
  filterRemovals,
  hasFilters,
  keptState,
  resultCount,
} from '@/lib/search/view';
import { getArchiveCoverage, getExampleSearches } from '@/lib/served/archive';
import { getIssues } from '@/lib/served/issues';
import { search } from '@/lib/served/search';
import { getTopicSummaries } from '@/lib/served/topics';
import { searchUrl, toggleFacetUrl } from '@/lib/urls';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = toUrlSearchParams(await searchParams)
    .get('q')
    ?.trim();
  return q
    ? { title: `“${q.slice(0, 80)}”`, robots: { index: false } }
    : { title: { absolute: 'Import AI Search — every paragraph of Jack Clark’s newsletter' } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = toUrlSearchParams(await searchParams);
  let request: SearchRequest;
  try {
    request = parseSearchParams(params);
  } catch (error) {
    if (!(error instanceof SearchParamError)) throw error;
    return (
      <Shell q={params.get('q')?.slice(0, MAX_QUERY_LENGTH) ?? ''} keep={{}}>
        <p
          role="alert"
          className="mt-6 rounded-lg bg-red-50 p-4 text-red-900 dark:bg-red-500/15 dark:text-red-100"
        >
          That search could not be read: {error.message}.{' '}
          <Link href="/" className="underline">
            Start again
          </Link>
        </p>
      </Shell>
    );
  }

  if (!request.q.trim() && !hasFilters(request)) {
    const [issues, topics, coverage, examples] = await Promise.all([
      getIssues(),
      getTopicSummaries(),
      getArchiveCoverage(),
      getExampleSearches(),
    ]);
    return (
      <Shell q="" keep={keptState(request)} autoFocus hero>
        <Landing issues={issues} topics={topics} coverage={coverage} examples={examples} />
      </Shell>
    );
  }

  const response = await search(request);
  const facets = facetLinks(request, response);
  const chips = activeFilterChips(request);
  const selectedCount = chips.length;
  const relaxations = response.total === 0 ? filterRemovals(request, response) : [];
  const count = resultCount(response);
  const unit = request.group === 'story' ? 'story' : 'paragraph';
  const first = (request.page - 1) * request.per + 1;
  const last = Math.min(count, request.page * request.per);

  return (
    <Shell q={request.q} keep={keptState(request)}>
      <div className="mt-4 grid gap-4 md:mt-6 md:grid-cols-[15rem_1fr] md:gap-8">
        <FacetPanel facets={facets} selectedCount={selectedCount} />
        <section aria-labelledby="results-heading" className="min-h-[60vh] min-w-0">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {count === 0 ? (
                `No matching ${unit === 'story' ? 'stories' : 'paragraphs'}`
              ) : (
                <>
                  <span className="font-semibold text-zinc-900 dark:text-zinc-100">{formatCount(count)}</span>{' '}
                  matching {count === 1 ? unit : unit === 'story' ? 'stories' : 'paragraphs'}
                  {unit === 'story' && <> ({plural(response.total, 'paragraph')})</>}
                  {response.results.length > 0 && count > request.per && (
                    <>
                      {' '}
                      · showing {formatCount(first)}–{formatCount(last)}
                    </>
                  )}
                </>
              )}
            </h2>
            <div className="flex flex-wrap items-center gap-3">
              <GroupControl request={request} />
              <SortControl request={request} />
            </div>
          </div>
          <div className="mt-3 space-y-3">
            <ActiveFilters chips={chips} clearUrl={searchUrl({ q: request.q, sort: request.sort })} />
            {response.suggestion && (
              <p className="text-sm">
                Did you mean{' '}
                <Link
                  prefetch={false}
                  href={searchUrl({ ...request, q: response.suggestion, page: 1 })}
                  className="font-medium text-indigo-700 underline dark:text-indigo-300"
                >
                  {response.suggestion}
                </Link>
                ?{response.total > 0 && ' Showing results for it.'}
              </p>
            )}
            {response.warnings?.map((warning) => (
              <p
                key={warning}
                className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/15 dark:text-amber-100"
              >
                {warning}
              </p>
            ))}
            {response.relaxed && (
              <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/15 dark:text-amber-100">
                No story contains all of your words, so these match some of them.
              </p>
            )}
          </div>
          {response.total === 0 ? (
            <div className="mt-6 rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
              <p className="font-medium">Nothing matches this search.</p>
              {relaxations.length > 0 && (
                <ul className="mt-3 space-y-1 text-sm">
                  {relaxations.map((r) => (
                    <li key={`${r.facet}-${r.value}`}>
                      Drop the {describeFilter(r.facet, r.value)}:{' '}
                      <Link
                        prefetch={false}
                        href={searchUrl(r.request)}
                        className="text-indigo-700 underline dark:text-indigo-300"
                      >
                        {formatCount(r.count)} {r.count === 1 ? 'result' : 'results'}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {relaxations.length === 0 && (
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                  Try fewer or different words, or check the spelling.
                </p>
              )}
            </div>
          ) : response.results.length === 0 ? (
            <p className="mt-6 text-sm">
              This page is past the last result.{' '}
              <Link
                prefetch={false}
                href={searchUrl({ ...request, page: 1 })}
                className="text-indigo-700 underline dark:text-indigo-300"
              >
                Back to the first page
              </Link>
            </p>
          ) : (
            <div className="mt-4">
              <ResultList
                results={response.results}
                search={{ q: request.q, terms: response.terms }}
                topicHref={(slug) => toggleFacetUrl(request, 'topic', slug)}
              />
              <Pagination request={request} total={count} />
              <div className="mt-6">
                <ExportLinks request={request} total={response.total} />
              </div>
            </div>
          )}
        </section>
      </div>
    </Shell>
  );
}

function Shell({
  q,
  keep,
  autoFocus,
  hero,
  children,
}: {
  q: string;
  keep: Partial<SearchRequest>;
  autoFocus?: boolean;
  hero?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 sm:px-6">
      {hero ? (
        <div className="pt-10 pb-2 sm:pt-16">
          <h1 className="max-w-2xl text-3xl font-semibold tracking-tight sm:text-4xl">
            Search every paragraph of Import AI
          </h1>
          <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
            Jack Clark’s weekly newsletter about AI research, policy and fiction — searchable by topic, year
            and issue, with a permanent link to every paragraph.
          </p>
          <div className="mt-6 max-w-2xl">
            <SearchBox q={q} keep={keep} autoFocus={autoFocus} />
          </div>
        </div>
      ) : (
        <div className="pt-6">
          <h1 className="sr-only">Search results{q ? ` for ${q}` : ''}</h1>
          <SearchBox q={q} keep={keep} size="compact" />
        </div>
      )}
      {children}
    </div>
  );
}
