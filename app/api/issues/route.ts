import { getArchiveCoverage } from '@/lib/archive/coverage';
import { getIssues, toIssueSummary } from '@/lib/catalogue/queries';
import { json } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET() {
  const [issues, archive] = await Promise.all([getIssues(), getArchiveCoverage()]);
  return json({ archive, issues: issues.map(toIssueSummary) });
}
