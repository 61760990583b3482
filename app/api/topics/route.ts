import { json } from '@/lib/http';
import { getTopicSummaries } from '@/lib/topics/browse';

export const dynamic = 'force-dynamic';

export async function GET() {
  return json({ topics: await getTopicSummaries() });
}
