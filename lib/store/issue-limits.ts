import type { Catalogue } from '../catalogue/load';
import type { Issue } from '../catalogue/model';
import { formatCount as count } from '../format';
import { toSearchDocs } from '../search/documents';
import { toFlexDoc } from '../search/flex';

/**
 * What one issue may hold. The server keeps every issue in memory and renders an issue as one
 * page, so a legal file (under the 5 MB file limit) of invented words could otherwise exhaust its
 * heap or stall it for seconds. Measured on the archive (128 issues, 2026-11): the richest issue
 * has 1,296 distinct terms and the largest is 85 KB as JSON (a 456 KB page rendered in ~60 ms).
 */
export const ISSUE_LIMITS = {
  /** Distinct index terms in one issue (each costs the server about 1.1 KB of heap): 7.7× the richest issue. */
  maxTerms: 10_000,
  /**
   * The issue as served (its JSON, which its page and `/api/issues/<n>` carry; the page's HTML is
   * about 5.3× this and renders at about 0.13 ms per KB): 3× the largest issue.
   */
  maxRenderedBytes: 256 * 1024,
} as const;

/** The distinct index terms of some issues (what FlexSearch will hold for them). */
function indexTerms(issues: readonly Issue[], into = new Set<string>()): Set<string> {
  for (const doc of toSearchDocs(issues)) {
    const { head, text, links } = toFlexDoc(doc);
    for (const field of [head, text, links]) if (field) for (const term of field.split(' ')) into.add(term);
  }
  return into;
}

/** Why an issue is over a limit (or undefined), and its index terms. */
export function checkIssueLimits(issue: Issue): { reason?: string; terms: Set<string> } {
  const rendered = Buffer.byteLength(JSON.stringify(issue));
  if (rendered > ISSUE_LIMITS.maxRenderedBytes) {
    return {
      reason: `too large to serve as one page (${kb(rendered)} KB as served; the limit is ${kb(ISSUE_LIMITS.maxRenderedBytes)} KB)`,
      terms: new Set(),
    };
  }
  const terms = indexTerms([issue]);
  if (terms.size > ISSUE_LIMITS.maxTerms) {
    return {
      reason: `too many distinct words for one issue (${count(terms.size)} index terms; the limit is ${count(ISSUE_LIMITS.maxTerms)})`,
      terms,
    };
  }
  return { terms };
}

/**
 * Moves every issue over a limit from the catalogue to its rejected files, with the reason; also
 * counts the distinct index terms of the issues kept.
 */
export function rejectOversizedIssues(catalogue: Catalogue): { catalogue: Catalogue; terms: number } {
  const kept: Issue[] = [];
  const terms = new Set<string>();
  const { report } = catalogue;
  for (const issue of catalogue.issues) {
    const checked = checkIssueLimits(issue);
    if (!checked.reason) {
      kept.push(issue);
      for (const term of checked.terms) terms.add(term);
      continue;
    }
    report.rejected.push({ file: issue.source.file, reason: checked.reason });
    report.accepted = report.accepted.filter((a) => a.file !== issue.source.file);
    if (issue.dateBasis === 'estimated') report.estimatedDates--;
  }
  return { catalogue: { issues: kept, report }, terms: terms.size };
}

function kb(bytes: number): string {
  return count(Math.ceil(bytes / 1024));
}
