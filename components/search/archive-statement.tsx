import type { ArchiveCoverage, CoverageEnd } from '@/lib/archive/coverage';
import { formatCount, formatIssueDate, plural } from '@/lib/format';

function describeEnd(end: CoverageEnd): string {
  return `Import AI ${end.number} (${formatIssueDate(end.date, end.dateEstimated ? 'estimated' : 'stated')})`;
}

/** What the build holds: how many issues and which range, and on the sample build how to get the rest. */
export function ArchiveStatement({ coverage }: { coverage: ArchiveCoverage }) {
  const { first, last } = coverage;
  if (coverage.sample && first) {
    return (
      <div
        role="note"
        aria-label="About this build"
        className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
      >
        <p>
          <strong>This is the sample build.</strong> It holds {plural(coverage.issues, 'issue')},{' '}
          {describeEnd(first)}
          {last && last.number !== first.number ? ` to ${describeEnd(last)}` : ''}, which ships with the code.
        </p>
        <p className="mt-1">
          To search every issue, run{' '}
          <code className="rounded bg-amber-100 px-1 font-mono dark:bg-amber-500/20">
            {coverage.fetchCommand}
          </code>{' '}
          (it fetches the whole archive from jack-clark.net and importai.substack.com, then rebuilds) and
          restart the server.
        </p>
      </div>
    );
  }
  return (
    <p role="note" aria-label="About this build" className="text-sm text-zinc-600 dark:text-zinc-400">
      {first && last ? (
        <>
          This build holds {plural(coverage.issues, 'issue')}, from {describeEnd(first)} to{' '}
          {describeEnd(last)}
          {coverage.missing > 0 &&
            `; ${formatCount(coverage.missing)} ${coverage.missing === 1 ? 'number' : 'numbers'} in that range ${coverage.missing === 1 ? 'is' : 'are'} not in it`}
          .
        </>
      ) : (
        <>This build holds no issues yet: run {coverage.fetchCommand} to fetch them.</>
      )}
    </p>
  );
}
