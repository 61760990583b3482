import Link from 'next/link';
import { formatCount } from '@/lib/format';
import type { FacetValue } from '@/lib/search';

export interface FacetLink extends FacetValue {
  /** Where clicking the value goes: the same search with the value toggled. */
  toggleUrl: string;
}

/** One facet as a list of toggle links; selected values stay listed even when their count is zero. */
export function FacetList({
  title,
  values,
  limit,
  idPrefix,
}: {
  title: string;
  values: FacetLink[];
  limit?: number;
  /** Keeps ids unique when the panel is rendered twice (phone disclosure and sidebar). */
  idPrefix: string;
}) {
  const shown = values.filter((v) => v.count > 0 || v.selected);
  if (shown.length === 0) return null;
  const visible = limit ? shown.slice(0, limit) : shown;
  const rest = limit ? shown.slice(limit) : [];
  const headingId = `${idPrefix}facet-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h2
        id={headingId}
        className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
      >
        {title}
      </h2>
      <ul className="space-y-0.5">
        {visible.map((value) => (
          <FacetItem key={value.value} value={value} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer rounded px-2 py-1 text-sm text-indigo-700 dark:text-indigo-300">
            {rest.length} more
          </summary>
          <ul className="space-y-0.5">
            {rest.map((value) => (
              <FacetItem key={value.value} value={value} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function FacetItem({ value }: { value: FacetLink }) {
  return (
    <li>
      <Link
        prefetch={false}
        href={value.toggleUrl}
        scroll={false}
        rel="nofollow"
        className={`flex items-center justify-between gap-3 rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${
          value.selected
            ? 'font-medium text-indigo-800 dark:text-indigo-200'
            : 'text-zinc-700 dark:text-zinc-300'
        }`}
      >
        <span className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className={`grid size-4 shrink-0 place-items-center rounded border text-[10px] ${
              value.selected
                ? 'border-indigo-600 bg-indigo-600 text-white'
                : 'border-zinc-300 bg-white dark:border-zinc-600 dark:bg-zinc-900'
            }`}
          >
            {value.selected ? '✓' : ''}
          </span>
          <span>
            {value.label}
            {value.selected && <span className="sr-only"> (selected, click to remove)</span>}
          </span>
        </span>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {formatCount(value.count)}
        </span>
      </Link>
    </li>
  );
}
