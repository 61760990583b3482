import Link from 'next/link';
import type { Issue, Paragraph, Story } from '@/lib/catalogue/model';
import { formatIssueDate, issueSubtitle } from '@/lib/format';
import { highlightHtml } from '@/lib/search/highlight';
import { findTopic } from '@/lib/topics/taxonomy';
import { issueUrl, paragraphUrl, searchUrl, topicUrl } from '@/lib/urls';
import { MarkTarget } from './mark-target';
import { ParagraphLink } from './paragraph-link';
import { ScrollToParagraph } from './scroll-to-paragraph';

export interface IssueViewProps {
  issue: Issue;
  previous?: Issue;
  next?: Issue;
  /** Stemmed words to mark: the words the search matched (`?terms=`), else the query's (`?q=`). */
  markTerms: Set<string>;
  q: string;
  /** The paragraph a share link points at, marked and scrolled to. */
  sharedParagraph?: string;
}

export function IssueView({ issue, previous, next, markTerms, q, sharedParagraph }: IssueViewProps) {
  const subtitle = issueSubtitle(issue.title);
  const estimated = issue.dateBasis === 'estimated';
  return (
    <article className="mx-auto max-w-3xl px-4 pt-8 sm:px-6">
      <header className="border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Import AI {issue.number} ·{' '}
          <time dateTime={issue.date} title={estimated ? 'Estimated from neighbouring issues' : undefined}>
            {formatIssueDate(issue.date, issue.dateBasis)}
          </time>
          {estimated && <span className="sr-only"> (estimated date)</span>}
        </p>
        <h1 className="mt-1 text-2xl leading-tight font-semibold tracking-tight sm:text-3xl">{subtitle}</h1>
        <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {issue.url ? (
            <a href={issue.url} className="text-indigo-700 underline hover:no-underline dark:text-indigo-300">
              Read the original
            </a>
          ) : (
            <a
              href={`https://jack-clark.net/?s=${encodeURIComponent(`Import AI ${issue.number}`)}`}
              className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
            >
              Find the original on jack-clark.net
            </a>
          )}
          {q && (
            <Link
              href={searchUrl({ q })}
              className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
            >
              Back to results for “{q}”
            </Link>
          )}
        </div>
        {issue.stories.length > 2 && (
          <nav aria-label="Stories in this issue" className="mt-5">
            <ol className="list-decimal space-y-0.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              {issue.stories.map((story) => (
                <li key={story.id}>
                  <a
                    href={`#${story.id}`}
                    className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300"
                  >
                    {story.kind === 'tech-tales' ? `Tech Tales: ${story.title}` : story.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </header>

      {issue.stories.map((story) => (
        <StorySection
          key={story.id}
          issue={issue}
          story={story}
          markTerms={markTerms}
          sharedParagraph={sharedParagraph}
        />
      ))}

      <nav
        aria-label="Other issues"
        className="mt-12 flex justify-between gap-4 border-t border-zinc-200 pt-6 text-sm dark:border-zinc-800"
      >
        {previous ? (
          <Link href={issueUrl(previous.number)} rel="prev" className="group max-w-[45%]">
            <span className="block text-zinc-500 dark:text-zinc-400">
              ← Previous: Import AI {previous.number}
            </span>
            <span className="line-clamp-2 group-hover:underline">{issueSubtitle(previous.title)}</span>
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={issueUrl(next.number)} rel="next" className="group max-w-[45%] text-right">
            <span className="block text-zinc-500 dark:text-zinc-400">Next: Import AI {next.number} →</span>
            <span className="line-clamp-2 group-hover:underline">{issueSubtitle(next.title)}</span>
          </Link>
        )}
      </nav>
      {sharedParagraph && <ScrollToParagraph id={sharedParagraph} />}
      <MarkTarget key={issue.number} />
    </article>
  );
}

function StorySection({
  issue,
  story,
  markTerms,
  sharedParagraph,
}: {
  issue: Issue;
  story: Story;
  markTerms: Set<string>;
  sharedParagraph?: string;
}) {
  const tale = story.kind === 'tech-tales';
  return (
    <section
      id={story.id}
      aria-labelledby={`${story.id}-title`}
      className={`mt-10 scroll-mt-6 ${tale ? 'rounded-2xl bg-amber-50/70 px-5 py-6 sm:px-8 dark:bg-amber-500/5' : ''}`}
    >
      {tale && (
        <p className="text-xs font-semibold tracking-widest text-amber-800 uppercase dark:text-amber-300">
          Tech Tales
        </p>
      )}
      {story.kind === 'policy-column' && (
        <p className="text-xs font-semibold tracking-widest text-zinc-500 uppercase dark:text-zinc-400">
          AI Policy
        </p>
      )}
      <h2
        id={`${story.id}-title`}
        className={`mt-1 text-xl leading-snug font-semibold ${tale ? 'font-serif italic' : ''}`}
      >
        {story.title}
      </h2>
      {story.dek && <p className="mt-1 font-serif text-zinc-600 italic dark:text-zinc-400">{story.dek}</p>}
      {story.topics.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Topics">
          {story.topics.map((slug) => (
            <li key={slug}>
              <Link
                href={topicUrl(slug)}
                className="rounded-full border border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 hover:border-indigo-400 hover:text-indigo-700 dark:border-zinc-700 dark:text-zinc-400"
              >
                {findTopic(slug)?.label ?? slug}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4 space-y-4">
        {story.paragraphs.map((paragraph) => (
          <ParagraphBlock
            key={paragraph.id}
            issue={issue}
            paragraph={paragraph}
            markTerms={markTerms}
            shared={paragraph.id === sharedParagraph}
          />
        ))}
      </div>
    </section>
  );
}

function ParagraphBlock({
  issue,
  paragraph,
  markTerms,
  shared,
}: {
  issue: Issue;
  paragraph: Paragraph;
  markTerms: Set<string>;
  shared: boolean;
}) {
  const role =
    paragraph.role === 'why-this-matters'
      ? 'border-l-2 border-indigo-400 pl-4'
      : paragraph.role === 'read-more'
        ? 'text-[15px] text-zinc-600 dark:text-zinc-400'
        : '';
  return (
    <div className="group relative">
      <p
        id={paragraph.id}
        data-shared={shared ? 'true' : undefined}
        className={`scroll-mt-24 rounded-md font-serif text-[17px] leading-relaxed transition-colors target:bg-yellow-100 target:ring-4 target:ring-yellow-100 data-[shared=true]:bg-yellow-100 data-[shared=true]:ring-4 data-[shared=true]:ring-yellow-100 data-[target=true]:bg-yellow-100 data-[target=true]:ring-4 data-[target=true]:ring-yellow-100 dark:target:bg-yellow-500/20 dark:target:ring-yellow-500/20 dark:data-[shared=true]:bg-yellow-500/20 dark:data-[shared=true]:ring-yellow-500/20 dark:data-[target=true]:bg-yellow-500/20 dark:data-[target=true]:ring-yellow-500/20 [&_a]:text-indigo-700 [&_a]:underline [&_a]:decoration-indigo-300 [&_a]:underline-offset-2 hover:[&_a]:decoration-indigo-700 dark:[&_a]:text-indigo-300 [&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-yellow-500/30 ${role}`}
        // Paragraph HTML is produced by the catalogue from an allow-list (links, emphasis, code) with text escaped.
        dangerouslySetInnerHTML={{ __html: highlightHtml(paragraph.html, markTerms) }}
      />
      <ParagraphLink id={paragraph.id} path={paragraphUrl(issue.number, paragraph.id)} />
    </div>
  );
}
