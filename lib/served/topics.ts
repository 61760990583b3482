import { storiesWithTopic, summariseTopics, type TopicStory, type TopicSummary } from '../topics/browse';
import { getServedBuild } from './build';

export async function getTopicSummaries(): Promise<TopicSummary[]> {
  return summariseTopics((await getServedBuild()).issues);
}

/** Every story with the topic, newest issue first, in issue order within an issue. */
export async function getTopicStories(slug: string): Promise<TopicStory[]> {
  return storiesWithTopic((await getServedBuild()).issues, slug);
}
