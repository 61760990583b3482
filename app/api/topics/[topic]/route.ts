import { json, jsonError } from '@/lib/http';
import { getTopicStories } from '@/lib/served/topics';
import { findTopic } from '@/lib/topics/taxonomy';
import { paragraphUrl } from '@/lib/urls';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ topic: string }> }) {
  const { topic: slug } = await context.params;
  const topic = findTopic(slug);
  if (!topic) return jsonError(404, `no topic ${JSON.stringify(slug.slice(0, 40))}`);
  const stories = await getTopicStories(topic.slug);
  return json({
    slug: topic.slug,
    label: topic.label,
    description: topic.description,
    stories: stories.map(({ issue, story, firstParagraph }) => ({
      issue: issue.number,
      issueTitle: issue.title,
      date: issue.date,
      title: story.title,
      dek: story.dek,
      kind: story.kind,
      topics: story.topics,
      url: paragraphUrl(issue.number, firstParagraph.id),
    })),
  });
}
