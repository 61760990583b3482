'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { MAX_QUERY_LENGTH } from '@/lib/search/limits';
import type { SearchRequest } from '@/lib/search/types';
import { searchParamsOf, searchUrl } from '@/lib/urls';
import { useSlashFocus } from './use-slash-focus';

export interface SearchBoxProps {
  /** The query currently shown. */
  q: string;
  /** What a new query keeps of the current search (filters, sort…), sent as hidden inputs. */
  keep?: Partial<SearchRequest>;
  autoFocus?: boolean;
  size?: 'large' | 'compact';
}

const DEBOUNCE_MS = 250;

/**
 * A plain GET form (works without JavaScript). With JavaScript, results follow the typing after a
 * short pause with the URL kept in sync, and "/" anywhere on the page focuses the box.
 */
export function SearchBox({ q, keep = {}, autoFocus, size = 'large' }: SearchBoxProps) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(q);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // When the URL's query changes (back button, a link), show it; typing keeps its own state.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setValue(q);
  }

  useSlashFocus(input);

  const hidden = [...searchParamsOf({ ...keep, q: '', page: 1 })];
  const navigate = (next: string) => {
    startTransition(() => router.replace(searchUrl({ ...keep, q: next, page: 1 }), { scroll: false }));
  };

  const onChange = (next: string) => {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => navigate(next), DEBOUNCE_MS);
  };

  return (
    <form
      role="search"
      action="/"
      method="get"
      className="relative"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        startTransition(() => router.push(searchUrl({ ...keep, q: value, page: 1 })));
      }}
    >
      <label htmlFor="q" className={size === 'large' ? 'mb-2 block text-sm font-medium' : 'sr-only'}>
        Search every paragraph of Import AI
      </label>
      <div className="flex gap-2">
        <div className="relative flex-1">
          <input
            ref={input}
            id="q"
            name="q"
            type="search"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            autoFocus={autoFocus}
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_QUERY_LENGTH}
            placeholder='e.g. TPUs since 2018, "capability overhang", topic:policy'
            aria-describedby="search-hint"
            className={`w-full rounded-lg border border-zinc-300 bg-white px-4 text-base shadow-sm placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500 ${
              size === 'large' ? 'py-3' : 'py-2'
            }`}
          />
          <kbd
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 right-3 hidden -translate-y-1/2 rounded border border-zinc-300 px-1.5 text-xs text-zinc-500 sm:block dark:border-zinc-700"
          >
            /
          </kbd>
        </div>
        {hidden.map(([name, v], i) => (
          <input key={`${name}-${v}-${i}`} type="hidden" name={name} value={v} />
        ))}
        <button
          type="submit"
          className="rounded-lg bg-indigo-600 px-4 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Search
        </button>
      </div>
      <p id="search-hint" className="sr-only">
        Words must all match. Use quotes for a phrase, a minus sign to exclude a word, OR between
        alternatives, and filters such as topic:policy, year:2019..2021 or issue:226.
      </p>
      <span aria-live="polite" className="sr-only">
        {pending ? 'Searching…' : ''}
      </span>
    </form>
  );
}
