import { getArchiveCoverage } from '@/lib/served/archive';
import { toIssueSummary } from '@/lib/catalogue/issue-json';
import { json } from '@/lib/http';
import { getIssues } from '@/lib/served/issues';

export const dynamic = 'force-dynamic';

export async function GET() {
  const [issues, archive] = await Promise.all([getIssues(), getArchiveCoverage()]);
  return json({ archive, issues: issues.map(toIssueSummary) });
}
