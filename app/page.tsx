import Link from 'next/link';
import { getIssues } from '@/lib/catalogue/queries';
import { issueUrl } from '@/lib/urls';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const issues = await getIssues();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-semibold">Import AI Search</h1>
      <ul className="mt-4 space-y-1">
        {issues.slice(0, 10).map((issue) => (
          <li key={issue.number}>
            <Link href={issueUrl(issue.number)}>{issue.title}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
