import Link from 'next/link';
import { formatCount } from '@/lib/format';
import { EXPORT_FORMATS } from '@/lib/search/export';
import { MAX_EXPORT } from '@/lib/search/limits';
import { GROUPS, SORTS, type Group, type SearchRequest, type Sort } from '@/lib/search/types';
import { searchUrl } from '@/lib/urls';

const SORT_LABELS: Record<Sort, string> = { relevance: 'Relevance', newest: 'Newest', oldest: 'Oldest' };

export function SortControl({ request }: { request: SearchRequest }) {
  return (
    <Choices
      label="Sort results"
      caption="Sort:"
      choices={SORTS.map((sort) => ({
        key: sort,
        label: SORT_LABELS[sort],
        href: searchUrl({ ...request, sort, page: 1 }),
        current: request.sort === sort,
      }))}
    />
  );
}

const GROUP_LABELS: Record<Group, string> = { story: 'Stories', paragraph: 'Paragraphs' };

/** One result per story (the default) or one per paragraph. */
export function GroupControl({ request }: { request: SearchRequest }) {
  return (
    <Choices
      label="Show results as"
      caption="Show:"
      choices={GROUPS.map((group) => ({
        key: group,
        label: GROUP_LABELS[group],
        href: searchUrl({ ...request, group, page: 1 }),
        current: request.group === group,
      }))}
    />
  );
}

/** A row of links of which one is the current choice (a sort order, a grouping). */
function Choices({
  label,
  caption,
  choices,
}: {
  label: string;
  caption: string;
  choices: { key: string; label: string; href: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-zinc-500 dark:text-zinc-400">{caption}</span>
      {choices.map((choice) => (
        <Link
          prefetch={false}
          key={choice.key}
          href={choice.href}
          scroll={false}
          aria-current={choice.current ? 'true' : undefined}
          className={`rounded-md px-2 py-1 ${
            choice.current
              ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
              : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
          }`}
        >
          {choice.label}
        </Link>
      ))}
    </nav>
  );
}

export interface Chip {
  label: string;
  removeUrl: string;
}

/** The active filters, each removable. */
export function ActiveFilters({ chips, clearUrl }: { chips: Chip[]; clearUrl: string }) {
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <Link
          prefetch={false}
          key={chip.label}
          href={chip.removeUrl}
          scroll={false}
          className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-3 py-1 text-sm text-indigo-900 ring-1 ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-500/15 dark:text-indigo-100 dark:ring-indigo-500/30"
        >
          {chip.label}
          <span aria-hidden="true" className="text-indigo-500">
            ×
          </span>
          <span className="sr-only">(remove filter)</span>
        </Link>
      ))}
      {chips.length > 1 && (
        <Link
          prefetch={false}
          href={clearUrl}
          scroll={false}
          className="text-sm text-zinc-600 underline dark:text-zinc-400"
        >
          Clear all
        </Link>
      )}
    </div>
  );
}

export function Pagination({ request, total }: { request: SearchRequest; total: number }) {
  const pages = Math.ceil(total / request.per);
  if (pages <= 1) return null;
  const page = request.page;
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const link = (n: number) => searchUrl({ ...request, page: n });
  return (
    <nav aria-label="Pages" className="mt-8 flex flex-wrap items-center justify-center gap-1 text-sm">
      {page > 1 && (
        <Link
          prefetch={false}
          href={link(page - 1)}
          rel="prev"
          className="rounded-md px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ← Previous
        </Link>
      )}
      {numbers.map((n, i) => (
        <span key={n} className="flex items-center">
          {i > 0 && numbers[i - 1]! < n - 1 && <span className="px-1 text-zinc-400">…</span>}
          <Link
            prefetch={false}
            href={link(n)}
            aria-current={n === page ? 'page' : undefined}
            aria-label={`Page ${n}`}
            className={`min-w-9 rounded-md px-2 py-1.5 text-center ${
              n === page ? 'bg-indigo-600 text-white' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'
            }`}
          >
            {n}
          </Link>
        </span>
      ))}
      {page < pages && (
        <Link
          prefetch={false}
          href={link(page + 1)}
          rel="next"
          className="rounded-md px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Next →
        </Link>
      )}
    </nav>
  );
}

/** Downloads of the matching paragraphs (exports are always per paragraph). */
export function ExportLinks({ request, total }: { request: SearchRequest; total: number }) {
  if (total === 0) return null;
  const base = { ...request, page: 1 };
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      Export{' '}
      {total > MAX_EXPORT
        ? `the first ${formatCount(MAX_EXPORT)} paragraphs`
        : `all ${formatCount(total)} ${total === 1 ? 'paragraph' : 'paragraphs'}`}
      :{' '}
      {EXPORT_FORMATS.map((format, i) => (
        <span key={format}>
          {i > 0 && ' · '}
          <a
            href={searchUrl(base, '/api/search', { format })}
            className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
            download
          >
            {format === 'md' ? 'Markdown' : format.toUpperCase()}
          </a>
        </span>
      ))}
    </p>
  );
}
