'use client';

import { usePathname } from 'next/navigation';
import { useRef } from 'react';
import { useSlashFocus } from '@/components/search/use-slash-focus';
import { MAX_QUERY_LENGTH } from '@/lib/search/limits';

/**
 * A small search box in the header of every page but the search page (which has its own), so "/"
 * focuses a search box wherever the reader is. A plain GET form: it works without JavaScript.
 */
export function HeaderSearch() {
  const pathname = usePathname();
  const input = useRef<HTMLInputElement>(null);
  const hidden = pathname === '/';

  useSlashFocus(input, !hidden);

  if (hidden) return null;
  return (
    <form role="search" action="/" method="get" className="min-w-0 flex-1 sm:max-w-xs">
      <label htmlFor="header-q" className="sr-only">
        Search Import AI
      </label>
      <input
        ref={input}
        id="header-q"
        name="q"
        type="search"
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Search…  /"
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
      />
    </form>
  );
}
