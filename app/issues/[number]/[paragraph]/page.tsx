import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssueView } from '@/components/issue/issue-view';
import { getIssue, getNeighbours } from '@/lib/served/issues';
import { parseIssueNumber } from '@/lib/urls';
import { paragraphMetadata } from '@/lib/metadata';

/**
 * `/issues/226/p-3f9a1c`: the paragraph's share link. A URL fragment never reaches the server, so
 * this form exists to give link previews the paragraph itself (its story's headline and its text);
 * it shows the whole issue with that paragraph marked, and its canonical link is the permanent one.
 */
type Props = { params: Promise<{ number: string; paragraph: string }> };

async function load(params: Props['params']) {
  const { number: segment, paragraph: id } = await params;
  const number = parseIssueNumber(segment);
  const issue = number === undefined ? undefined : await getIssue(number);
  const story = issue?.stories.find((s) => s.paragraphs.some((p) => p.id === id));
  const paragraph = story?.paragraphs.find((p) => p.id === id);
  if (!issue || !story || !paragraph) notFound();
  return { issue, story, paragraph };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { issue, story, paragraph } = await load(params);
  return paragraphMetadata(issue, story, paragraph);
}

export default async function SharedParagraphPage({ params }: Props) {
  const { issue, paragraph } = await load(params);
  const { previous, next } = await getNeighbours(issue.number);
  return (
    <IssueView
      issue={issue}
      previous={previous}
      next={next}
      q=""
      markTerms={new Set()}
      sharedParagraph={paragraph.id}
    />
  );
}
