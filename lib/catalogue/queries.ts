import { getStore } from '../store/store';
import { paragraphUrl } from '../urls';
import type { Issue, Story } from './model';

/** Every issue, newest first. */
export async function getIssues(): Promise<Issue[]> {
  return [...(await getStore()).issues].reverse();
}

export async function getIssue(number: number): Promise<Issue | undefined> {
  return (await getStore()).byNumber.get(number);
}

/** The issues before and after this one in the archive we have (numbers may have gaps). */
export async function getNeighbours(number: number): Promise<{ previous?: Issue; next?: Issue }> {
  const { issues } = await getStore();
  const at = issues.findIndex((i) => i.number === number);
  return { previous: at > 0 ? issues[at - 1] : undefined, next: at >= 0 ? issues[at + 1] : undefined };
}

/** Parses an issue number from a URL segment ("226"); anything else is not an issue. */
export function parseIssueNumber(segment: string): number | undefined {
  return /^\d{1,5}$/.test(segment) ? Number(segment) : undefined;
}

export function toIssueSummary(issue: Issue) {
  return {
    number: issue.number,
    title: issue.title,
    date: issue.date,
    dateEstimated: issue.dateBasis === 'estimated',
    stories: issue.stories.length,
    paragraphs: issue.stories.reduce((n, s) => n + s.paragraphs.length, 0),
  };
}

/** The JSON twin of an issue page. */
export function toIssueJson(issue: Issue) {
  return {
    number: issue.number,
    title: issue.title,
    date: issue.date,
    dateEstimated: issue.dateBasis === 'estimated',
    dateBasis: issue.dateBasis,
    url: issue.url,
    stories: issue.stories.map((story: Story) => ({
      id: story.id,
      title: story.title,
      dek: story.dek,
      kind: story.kind,
      topics: story.topics,
      paragraphs: story.paragraphs.map((p) => ({
        id: p.id,
        url: paragraphUrl(issue.number, p.id),
        text: p.text,
        role: p.role,
      })),
    })),
  };
}
