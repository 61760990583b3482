import Link from 'next/link';
import { searchUrl, topicsUrl } from '@/lib/urls';
import { HeaderSearch } from './header-search';

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link
          href={searchUrl({})}
          className="group flex shrink-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap"
        >
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-indigo-600 text-sm font-bold text-white group-hover:bg-indigo-500"
          >
            AI
          </span>
          <span>
            Import AI{' '}
            <span className="hidden font-normal text-zinc-500 sm:inline dark:text-zinc-400">Search</span>
          </span>
        </Link>
        <HeaderSearch />
        <nav aria-label="Site" className="flex shrink-0 items-center gap-4 text-sm">
          <Link
            href={topicsUrl()}
            className="rounded text-zinc-700 hover:text-indigo-700 dark:text-zinc-300 dark:hover:text-indigo-300"
          >
            Topics
          </Link>
          <a
            href="https://importai.substack.com"
            className="rounded text-zinc-700 hover:text-indigo-700 dark:text-zinc-300 dark:hover:text-indigo-300"
          >
            Subscribe
          </a>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 py-8 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        Import AI is written by Jack Clark. This is an independent search index over its back catalogue; every
        result links to its issue and paragraph.
      </div>
    </footer>
  );
}
