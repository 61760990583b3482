import { paragraphUrl } from '../urls';
import type { DateBasis, Issue, ParagraphRole, StoryKind } from '../catalogue/model';

/** One searchable paragraph, with what a result needs to show about its issue and story. */
export interface SearchDoc {
  /** Position in the index (FlexSearch's document id). */
  index: number;
  /** The paragraph's permanent id. */
  id: string;
  /**
   * Its permanent URL, built once: every result carries it, and the API's JSON writer looks each
   * paragraph up by it (a string built per result would be hashed afresh per lookup).
   */
  url: string;
  issue: number;
  issueTitle: string;
  date: string;
  dateBasis: DateBasis;
  year: number;
  storyId: string;
  story: string;
  dek: string;
  kind: StoryKind;
  topics: string[];
  role: ParagraphRole;
  /** Position of the paragraph within its story (0 = the opening paragraph). */
  order: number;
  text: string;
  links: string[];
}

/** Flattens the catalogue into search documents, newest issue first. */
export function toSearchDocs(issues: readonly Issue[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const newestFirst = [...issues].sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number);
  for (const issue of newestFirst) {
    for (const story of issue.stories) {
      story.paragraphs.forEach((paragraph, order) => {
        docs.push({
          index: docs.length,
          id: paragraph.id,
          url: paragraphUrl(issue.number, paragraph.id),
          issue: issue.number,
          issueTitle: issue.title,
          date: issue.date,
          dateBasis: issue.dateBasis,
          year: Number(issue.date.slice(0, 4)),
          storyId: story.id,
          story: story.title,
          dek: story.dek,
          kind: story.kind,
          topics: story.topics,
          role: paragraph.role,
          order,
          text: paragraph.text,
          links: paragraph.links.map((l) => l.href),
        });
      });
    }
  }
  return docs;
}
