import { toIssueJson } from '@/lib/catalogue/issue-json';
import { json, jsonError } from '@/lib/http';
import { getIssue } from '@/lib/served/issues';
import { parseIssueNumber } from '@/lib/urls';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ number: string }> }) {
  const { number: segment } = await context.params;
  const number = parseIssueNumber(segment);
  const issue = number === undefined ? undefined : await getIssue(number);
  if (!issue) return jsonError(404, `no issue ${JSON.stringify(segment.slice(0, 40))} in the catalogue`);
  return json(toIssueJson(issue));
}
