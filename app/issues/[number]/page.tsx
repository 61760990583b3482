import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssueView } from '@/components/issue/issue-view';
import { getIssue, getNeighbours } from '@/lib/served/issues';
import { parseIssueNumber } from '@/lib/urls';
import { issueMetadata } from '@/lib/metadata';
import { MAX_QUERY_LENGTH } from '@/lib/search/limits';
import { markTermsOf, markTermsOfWords } from '@/lib/search/mark-terms';

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props['params']) {
  const number = parseIssueNumber((await params).number);
  const issue = number === undefined ? undefined : await getIssue(number);
  if (!issue) notFound();
  return issue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return issueMetadata(await load(params));
}

export default async function IssuePage({ params, searchParams }: Props) {
  const issue = await load(params);
  const query = await searchParams;
  const q = first(query.q);
  const terms = first(query.terms);
  const { previous, next } = await getNeighbours(issue.number);
  return (
    <IssueView
      issue={issue}
      previous={previous}
      next={next}
      q={q}
      markTerms={terms ? markTermsOfWords(terms) : markTermsOf(q)}
    />
  );
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.slice(0, MAX_QUERY_LENGTH) ?? '';
}
