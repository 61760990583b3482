import type { Metadata } from 'next';
import Link from 'next/link';
import { formatCount } from '@/lib/format';
import { getTopicSummaries } from '@/lib/served/topics';
import { topicUrl } from '@/lib/urls';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Topics',
  description:
    'Browse Import AI by topic: policy, chips and compute, Tech Tales fiction, language models and more.',
  alternates: { canonical: '/topics' },
};

export default async function TopicsPage() {
  const topics = await getTopicSummaries();
  return (
    <div className="mx-auto max-w-4xl px-4 pt-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Topics</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Every story in the archive is tagged with the subjects it covers; a story can carry several.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <Link
              href={topicUrl(topic.slug)}
              className="block h-full rounded-xl border border-zinc-200 bg-white p-5 shadow-xs hover:border-indigo-400 dark:border-zinc-800 dark:bg-zinc-900/60"
            >
              <span className="flex items-baseline justify-between gap-3">
                <span className="font-semibold">{topic.label}</span>
                <span className="text-sm text-zinc-500 tabular-nums dark:text-zinc-400">
                  {formatCount(topic.stories)} {topic.stories === 1 ? 'story' : 'stories'}
                </span>
              </span>
              <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{topic.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
