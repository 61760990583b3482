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
