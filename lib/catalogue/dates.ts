import type { DateBasis } from './model';
import type { ParsedIssue } from './parse-issue';

const DAY_MS = 86_400_000;
/** Import AI is (mostly) weekly. */
const ISSUE_INTERVAL_DAYS = 7;

export interface ResolvedDate {
  date: string;
  basis: DateBasis;
}

interface Anchor {
  number: number;
  time: number;
}

/**
 * Dates every issue. A date the file states wins; then a dated permalink to the issue found
 * anywhere in the archive (the most common one if they disagree), then a date an email archive
 * lists for it. Otherwise the date is estimated by interpolating between the nearest dated issues
 * by number (or stepping a week per issue from the nearest one), and never later than what the file
 * says is an upper bound (when a feed was read). `fallbackUpperBound` covers a file with no evidence.
 */
export function resolveDates(
  issues: readonly ParsedIssue[],
  fallbackUpperBound: (issue: ParsedIssue) => string,
): Map<number, ResolvedDate> {
  const linked = collectVotes(issues.flatMap((i) => i.dateEvidence.permalinks));
  const listed = collectVotes(issues.flatMap((i) => i.dateEvidence.listedDates));
  const anchorDates = new Map<number, string>([...listed, ...linked]);
  for (const issue of issues) {
    if (issue.dateEvidence.statedDate) anchorDates.set(issue.number, issue.dateEvidence.statedDate);
  }
  const anchors: Anchor[] = [...anchorDates]
    .map(([number, date]) => ({ number, time: toTime(date) }))
    .sort((a, b) => a.number - b.number);

  const resolved = new Map<number, ResolvedDate>();
  for (const issue of issues) {
    const stated = issue.dateEvidence.statedDate;
    if (stated) {
      resolved.set(issue.number, { date: stated, basis: 'stated' });
      continue;
    }
    const known = linked.get(issue.number) ?? listed.get(issue.number);
    if (known) {
      resolved.set(issue.number, { date: known, basis: 'linked' });
      continue;
    }
    const upperBound = issue.dateEvidence.upperBound ?? fallbackUpperBound(issue);
    const estimate = interpolate(anchors, issue.number);
    const time = estimate === undefined ? toTime(upperBound) : Math.min(estimate, toTime(upperBound));
    resolved.set(issue.number, { date: toIso(time), basis: 'estimated' });
  }
  return resolved;
}

/** The most frequent date per issue number (ties: the earliest). */
function collectVotes(entries: readonly { number: number; date: string }[]): Map<number, string> {
  const votes = new Map<number, Map<string, number>>();
  for (const { number, date } of entries) {
    if (Number.isNaN(toTime(date))) continue;
    const counts = votes.get(number) ?? new Map<string, number>();
    counts.set(date, (counts.get(date) ?? 0) + 1);
    votes.set(number, counts);
  }
  const winners = new Map<number, string>();
  for (const [number, counts] of votes) {
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) winners.set(number, best[0]);
  }
  return winners;
}

function interpolate(anchors: readonly Anchor[], number: number): number | undefined {
  let below: Anchor | undefined;
  let above: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.number < number) below = anchor;
    else if (anchor.number > number) {
      above = anchor;
      break;
    }
  }
  if (below && above) {
    const perIssue = (above.time - below.time) / (above.number - below.number);
    return roundToDay(below.time + perIssue * (number - below.number));
  }
  if (below) return below.time + (number - below.number) * ISSUE_INTERVAL_DAYS * DAY_MS;
  if (above) return above.time - (above.number - number) * ISSUE_INTERVAL_DAYS * DAY_MS;
  return undefined;
}

function toTime(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

function toIso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function roundToDay(time: number): number {
  return Math.round(time / DAY_MS) * DAY_MS;
}
