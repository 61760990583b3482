/** Same pattern the parser reads an issue's number with (lib/catalogue/parse-issue.ts). */
const ISSUE_NUMBER = /\bImport\s*AI\s*(?:issue\s*)?#?\s*(\d{1,5})\b/i;

/** The issue number an issue file names first (its title, front matter or first line), if any. */
export function issueNumberOf(content: string): number | undefined {
  const match = ISSUE_NUMBER.exec(content);
  return match ? Number(match[1]) : undefined;
}

/**
 * A copy of an issue file under another number: every "Import AI <n>" naming the file's own issue
 * (title, front matter, first line) and a front-matter `number:` field are rewritten, so the copy
 * parses as a distinct issue. Mentions of other issues are left alone.
 */
export function renumberIssue(content: string, to: number): string {
  const from = issueNumberOf(content);
  if (from === undefined) return content;
  const own = new RegExp(`\\b(Import\\s*AI\\s*(?:issue\\s*)?#?\\s*)${from}\\b`, 'gi');
  return content
    .replace(own, (_, prefix: string) => `${prefix}${to}`)
    .replace(new RegExp(`^(number:\\s*["']?)${from}\\b`, 'm'), (_, prefix: string) => `${prefix}${to}`);
}
