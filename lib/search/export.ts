import { absoluteUrl } from '../urls';
import type { SearchResponse } from './types';

export const EXPORT_FORMATS = ['csv', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The result set as a file a researcher can keep: every row carries the paragraph's permanent link. */
export function exportResults(response: SearchResponse, format: ExportFormat, origin: string): string {
  const rows = response.results.map((r) => ({
    issue: r.issue,
    date: r.date,
    issueTitle: r.issueTitle,
    story: r.story,
    topics: r.topics.join(' '),
    link: absoluteUrl(r.url, origin),
    text: r.text,
  }));
  if (format === 'json') {
    return JSON.stringify(
      { query: response.query, total: response.total, exported: rows.length, results: rows },
      null,
      2,
    );
  }
  if (format === 'csv') {
    const header = ['issue', 'date', 'issue_title', 'story', 'topics', 'link', 'text'];
    const lines = rows.map((r) =>
      [r.issue, r.date, r.issueTitle, r.story, r.topics, r.link, r.text].map(csvCell).join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }
  const query = response.query.replace(/\s+/g, ' ').trim();
  const title = query ? `Import AI search: ${codeSpan(query)}` : 'Import AI search';
  const body = rows.map(
    (r) =>
      `## ${escapeMarkdown(r.story)}\n\n*Import AI ${r.issue}, ${r.date}* — [permanent link](${r.link})\n\n> ${escapeMarkdown(r.text)}\n`,
  );
  return `# ${title}\n\n${response.total} matching paragraphs; ${rows.length} exported.\n\n${body.join('\n')}`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The query as inline code, on one line: nothing in it can start a block, a link or an autolink
 * (GFM links bare URLs even when their characters are escaped). The fence is one backtick longer
 * than any run inside.
 */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
