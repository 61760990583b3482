import type { Issue, Story } from '../catalogue/model';
import { TOPICS } from './taxonomy';

export interface TopicSummary {
  slug: string;
  label: string;
  description: string;
  /** Stories carrying the topic. */
  stories: number;
}

export interface TopicStory {
  issue: Pick<Issue, 'number' | 'title' | 'date' | 'dateBasis'>;
  story: Pick<Story, 'id' | 'title' | 'dek' | 'kind' | 'topics'>;
  /** The story's first paragraph (its opening, for a preview). */
  firstParagraph: { id: string; text: string };
}

/** Every topic of the taxonomy with the number of stories carrying it. */
export function summariseTopics(issues: readonly Issue[]): TopicSummary[] {
  return TOPICS.map((topic) => ({
    slug: topic.slug,
    label: topic.label,
    description: topic.description,
    stories: issues.reduce((n, i) => n + i.stories.filter((s) => s.topics.includes(topic.slug)).length, 0),
  }));
}

/** Every story with the topic, newest issue first, in issue order within an issue. */
export function storiesWithTopic(issues: readonly Issue[], slug: string): TopicStory[] {
  const newestFirst = [...issues].sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number);
  return newestFirst.flatMap((issue) =>
    issue.stories
      .filter((story) => story.topics.includes(slug))
      .map((story) => ({
        issue: { number: issue.number, title: issue.title, date: issue.date, dateBasis: issue.dateBasis },
        story: { id: story.id, title: story.title, dek: story.dek, kind: story.kind, topics: story.topics },
        firstParagraph: { id: story.paragraphs[0]!.id, text: story.paragraphs[0]!.text },
      })),
  );
}
