import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatIssueDate, plural } from '@/lib/format';
import { getTopicStories } from '@/lib/served/topics';
import { findTopic } from '@/lib/topics/taxonomy';
import { paragraphUrl, searchUrl, topicsUrl, topicUrl } from '@/lib/urls';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ topic: string }> };

async function load(params: Props['params']) {
  const topic = findTopic((await params).topic);
  if (!topic) notFound();
  return topic;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await load(params);
  return {
    title: topic.label,
    description: topic.description,
    alternates: { canonical: topicUrl(topic.slug) },
  };
}

export default async function TopicPage({ params }: Props) {
  const topic = await load(params);
  const stories = await getTopicStories(topic.slug);
  const fiction = topic.slug === 'fiction';
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href={topicsUrl()} className="hover:underline">
          Topics
        </Link>{' '}
        / {topic.label}
      </nav>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{topic.label}</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{topic.description}</p>
      <p className="mt-4 text-sm">
        {plural(stories.length, 'story', 'stories')}, newest first ·{' '}
        <Link
          href={searchUrl({ topic: [topic.slug] })}
          className="text-indigo-700 underline dark:text-indigo-300"
        >
          Search within this topic
        </Link>
      </p>
      <ol className="mt-6 divide-y divide-zinc-200 dark:divide-zinc-800">
        {stories.map(({ issue, story, firstParagraph }) => (
          <li key={`${issue.number}-${story.id}`} className="py-4">
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Import AI {issue.number} ·{' '}
              <time dateTime={issue.date}>{formatIssueDate(issue.date, issue.dateBasis)}</time>
            </p>
            <h2 className={`mt-0.5 text-lg leading-snug font-semibold ${fiction ? 'font-serif italic' : ''}`}>
              <Link
                href={paragraphUrl(issue.number, firstParagraph.id)}
                className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300"
              >
                {story.title}
              </Link>
            </h2>
            {story.dek && (
              <p className="mt-0.5 font-serif text-sm text-zinc-600 italic dark:text-zinc-400">{story.dek}</p>
            )}
            <p className="mt-1 line-clamp-2 font-serif text-[15px] text-zinc-700 dark:text-zinc-300">
              {firstParagraph.text}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
