import { json } from '@/lib/http';
import { getTopicSummaries } from '@/lib/served/topics';

export const dynamic = 'force-dynamic';

export async function GET() {
  return json({ topics: await getTopicSummaries() });
}
