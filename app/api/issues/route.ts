import { getIssues, toIssueSummary } from '@/lib/catalogue/queries';
import { json } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET() {
  const issues = await getIssues();
  return json({ issues: issues.map(toIssueSummary) });
}
