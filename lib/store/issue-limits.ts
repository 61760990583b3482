import type { Catalogue } from '../catalogue/load';
import type { Issue } from '../catalogue/model';
import { formatCount as count } from '../format';

/**
 * What one issue may hold. The server keeps every issue in memory and renders an issue as one
 * page, so a legal file (under the 5 MB file limit) of invented words could otherwise exhaust its
 * heap or stall it for seconds. Measured on the archive (128 issues, 2026-11): the richest issue
 * has 1,568 distinct words and the largest is 85 KB as JSON (a 456 KB page rendered in ~60 ms).
 */
export const ISSUE_LIMITS = {
  /** Distinct words in one issue (each new word costs the server about 1.1 KB of heap): 6.4× the richest issue. */
  maxWords: 10_000,
  /**
   * The issue as served (its JSON, which its page and `/api/issues/<n>` carry; the page's HTML is
   * about 5.3× this and renders at about 0.7 ms per KB of JSON): 3× the largest issue.
   */
  maxRenderedBytes: 256 * 1024,
} as const;

/**
 * A word as the heap sees it: a run of letters and digits, lower-cased. The index's terms are these
 * stemmed and folded, plus the joined forms of hyphenated words; counting words is 7× cheaper than
 * tokenizing and tracks the terms closely (the archive: 18,863 words, 16,206 terms).
 */
const WORD = /[\p{L}\p{N}]+/gu;

function addWords(text: string, into: Set<string>): void {
  for (const word of text.toLowerCase().match(WORD) ?? []) into.add(word);
}

/** The distinct words of an issue's headlines, deks, paragraphs and links. */
function distinctWords(issue: Issue): Set<string> {
  const words = new Set<string>();
  for (const story of issue.stories) {
    addWords(`${story.title} ${story.dek}`, words);
    for (const paragraph of story.paragraphs) {
      addWords(paragraph.text, words);
      for (const link of paragraph.links) addWords(link.href, words);
    }
  }
  return words;
}

/** Why an issue is over a limit (or undefined), and its distinct words. */
export function checkIssueLimits(issue: Issue): { reason?: string; words: Set<string> } {
  const rendered = Buffer.byteLength(JSON.stringify(issue));
  if (rendered > ISSUE_LIMITS.maxRenderedBytes) {
    return {
      reason: `too large to serve as one page (${kb(rendered)} KB as served; the limit is ${kb(ISSUE_LIMITS.maxRenderedBytes)} KB)`,
      words: new Set(),
    };
  }
  const words = distinctWords(issue);
  if (words.size > ISSUE_LIMITS.maxWords) {
    return {
      reason: `too many distinct words for one issue (${count(words.size)}; the limit is ${count(ISSUE_LIMITS.maxWords)})`,
      words,
    };
  }
  return { words };
}

/**
 * Moves every issue over a limit from the catalogue to its rejected files, with the reason; also
 * counts the distinct words of the issues kept.
 */
export function rejectOversizedIssues(catalogue: Catalogue): { catalogue: Catalogue; words: number } {
  const kept: Issue[] = [];
  const words = new Set<string>();
  const { report } = catalogue;
  for (const issue of catalogue.issues) {
    const checked = checkIssueLimits(issue);
    if (!checked.reason) {
      kept.push(issue);
      for (const word of checked.words) words.add(word);
      continue;
    }
    report.rejected.push({ file: issue.source.file, reason: checked.reason });
    report.accepted = report.accepted.filter((a) => a.file !== issue.source.file);
    if (issue.dateBasis === 'estimated') report.estimatedDates--;
  }
  return { catalogue: { issues: kept, report }, words: words.size };
}

function kb(bytes: number): string {
  return count(Math.ceil(bytes / 1024));
}
