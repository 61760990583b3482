import type { Issue } from '../catalogue/model';

/** The issue files this repository ships in `data/issues`: a build of only these is the sample. */
export const BUNDLED_SAMPLE_FILES: readonly string[] = ['import-ai-226.mailchimp.txt'];

/** The one command that fetches every issue the publishers' sites hold and rebuilds. */
export const FETCH_ARCHIVE_COMMAND = 'npm run setup';

/** An end of the range of issues a build holds. */
export interface CoverageEnd {
  number: number;
  /** ISO date of the issue. */
  date: string;
  /** Whether that date is an estimate. */
  dateEstimated: boolean;
}

/** What a build holds: stated on the home page and in `/api/issues`. */
export interface ArchiveCoverage {
  /** Issues in the build. */
  issues: number;
  /** The lowest-numbered issue (absent in an empty build). */
  first?: CoverageEnd;
  /** The highest-numbered issue (absent in an empty build). */
  last?: CoverageEnd;
  /** Issue numbers between `first` and `last` that the build does not hold. */
  missing: number;
  /** Whether the build holds only the sample that ships with the code. */
  sample: boolean;
  /** The command that fetches the whole archive and rebuilds (`npm run setup`). */
  fetchCommand: string;
}

/** Describe what a set of issues covers. */
export function describeCoverage(issues: readonly Issue[]): ArchiveCoverage {
  const sorted = [...issues].sort((a, b) => a.number - b.number);
  const first = sorted[0];
  const last = sorted.at(-1);
  const end = (issue: Issue): CoverageEnd => ({
    number: issue.number,
    date: issue.date,
    dateEstimated: issue.dateBasis === 'estimated',
  });
  return {
    issues: sorted.length,
    first: first && end(first),
    last: last && end(last),
    missing: first && last ? last.number - first.number + 1 - new Set(sorted.map((i) => i.number)).size : 0,
    sample: sorted.length > 0 && sorted.every((issue) => BUNDLED_SAMPLE_FILES.includes(issue.source.file)),
    fetchCommand: FETCH_ARCHIVE_COMMAND,
  };
}
