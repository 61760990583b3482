import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssueView } from '@/components/issue/issue-view';
import { getIssue, getNeighbours, parseIssueNumber } from '@/lib/catalogue/queries';
import { issueMetadata } from '@/lib/metadata';
import { markTermsOf } from '@/lib/search/mark-terms';

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
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 512) ?? '';
  const { previous, next } = await getNeighbours(issue.number);
  return <IssueView issue={issue} previous={previous} next={next} q={q} markTerms={markTermsOf(q)} />;
}
