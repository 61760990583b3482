import Link from 'next/link';
import { SearchBox } from '@/components/search/search-box';
import { topicsUrl } from '@/lib/urls';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 pt-16 sm:px-6">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">That page isn’t in the archive</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The issue or topic you asked for doesn’t exist here. Search for what you were looking for, or{' '}
        <Link href={topicsUrl()} className="text-indigo-700 underline dark:text-indigo-300">
          browse the topics
        </Link>
        .
      </p>
      <div className="mt-6">
        <SearchBox q="" />
      </div>
    </div>
  );
}
