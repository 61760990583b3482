import type { Metadata } from 'next';
import type { Issue, Paragraph, Story } from './catalogue/model';
import { issueUrl, paragraphShareUrl } from './urls';

const SITE_NAME = 'Import AI Search';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Open Graph, Twitter and canonical metadata for an issue page. */
export function issueMetadata(issue: Issue): Metadata {
  const opening = issue.stories[0]?.paragraphs[0]?.text ?? '';
  const description = clip(
    `${issue.stories
      .map((s) => s.title)
      .slice(0, 4)
      .join(' · ')}. ${opening}`,
    300,
  );
  const url = issueUrl(issue.number);
  return {
    title: issue.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      siteName: SITE_NAME,
      title: issue.title,
      description,
      url,
      publishedTime: issue.date,
    },
    twitter: { card: 'summary', title: issue.title, description },
  };
}

/** Metadata for a paragraph's share link: the story's headline and the paragraph itself. */
export function paragraphMetadata(issue: Issue, story: Story, paragraph: Paragraph): Metadata {
  const title = `${story.title} — Import AI ${issue.number}`;
  const description = clip(paragraph.text, 300);
  const url = paragraphShareUrl(issue.number, paragraph.id);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      siteName: SITE_NAME,
      title: story.title,
      description,
      url,
      publishedTime: issue.date,
    },
    twitter: { card: 'summary', title: story.title, description },
  };
}
