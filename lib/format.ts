import type { DateBasis } from './catalogue/model';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "7 December 2020", or "about December 2020" when the date is an estimate. */
export function formatIssueDate(date: string, basis: DateBasis): string {
  const [year, month, day] = date.split('-').map(Number);
  const monthName = MONTHS[(month ?? 1) - 1] ?? '';
  if (basis === 'estimated') return `about ${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

/** "1,234". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** An issue's title without its "Import AI 226:" prefix. */
export function issueSubtitle(title: string): string {
  return title.replace(/^Import AI\s*#?\d+\s*:\s*/i, '');
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text safe to print on a terminal as one line: control characters (newlines, ANSI escapes) and
 * bidirectional overrides become visible escapes, so a file named to look like a summary line, or
 * to recolour the terminal, prints as what it is.
 */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
