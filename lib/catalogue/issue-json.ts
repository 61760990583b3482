import { paragraphUrl } from '../urls';
import type { Issue } from './model';

/** An issue as `/api/issues` lists it. */
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

/** The JSON twin of an issue page (`/api/issues/<n>`); needs no served build, so a CLI can print it too. */
export function toIssueJson(issue: Issue) {
  return {
    number: issue.number,
    title: issue.title,
    date: issue.date,
    dateEstimated: issue.dateBasis === 'estimated',
    dateBasis: issue.dateBasis,
    url: issue.url,
    stories: issue.stories.map((story) => ({
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
