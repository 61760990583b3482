import { BREAK, textBlock, type Block } from '../blocks';
import { text } from '../inline';
import { toIsoDay, type ParsedSource } from './types';

const TITLE = /^\s*Import AI\s*#?\s*\d+\b/i;
const ARCHIVE_LISTING = /^\s*(Older messages|Newer messages|You Might Also Like)\s*$/i;

/**
 * A Mailchimp plain-text email, possibly saved by an email-archive site that wraps it in its own
 * header and "Older messages" / "You Might Also Like" listings. Stories are separated by `#####…`.
 */
export function parseMailchimpText(source: string): ParsedSource {
  const lines = source.split(/\r?\n/);
  const titleAt = lines.findIndex((line) => TITLE.test(line));
  const title = titleAt === -1 ? '' : lines[titleAt]!.trim();
  const listingAt = lines.findIndex((line, i) => i > titleAt && ARCHIVE_LISTING.test(line));
  const end = listingAt === -1 ? lines.length : listingAt;

  // The lines before "View this email in your browser" are the email's preview text.
  const viewAt = lines.findIndex(
    (line, i) => i > titleAt && i < titleAt + 15 && /^\s*view this email in your browser\s*$/i.test(line),
  );
  const start = viewAt === -1 ? titleAt + 1 : viewAt + 1;

  const blocks: Block[] = [];
  for (const line of lines.slice(Math.max(start, 0), end)) {
    if (!line.trim()) continue;
    if (/^\s*#{5,}\s*$/.test(line)) blocks.push(BREAK);
    else if (/^\s*[-*•]\s+/.test(line))
      blocks.push(textBlock([text(line.replace(/^\s*[-*•]\s+/, ''))], 'item'));
    else blocks.push(textBlock([text(line)]));
  }

  return {
    format: 'mailchimp-text',
    title,
    url: '',
    listedDates: listingAt === -1 ? [] : readListing(lines.slice(listingAt)),
    blocks,
    fragmented: false,
  };
}

/** "Import AI 225: …" followed (after blank lines) by "Friday, December 4, 2020". */
function readListing(lines: string[]): { number: number; date: string }[] {
  const dates: { number: number; date: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const number = /^\s*Import AI\s*#?\s*(\d+)\b/i.exec(lines[i]!)?.[1];
    if (!number) continue;
    const dateLine = lines.slice(i + 1, i + 4).find((line) => line.trim());
    const date = dateLine ? parseLongDate(dateLine) : undefined;
    if (date) dates.push({ number: Number(number), date });
  }
  return dates;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "Friday, December 4, 2020" → "2020-12-04". */
export function parseLongDate(line: string): string | undefined {
  const match = /^\s*(?:[A-Za-z]+,\s*)?([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s*$/.exec(line);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.toLowerCase());
  if (month === -1) return undefined;
  const iso = `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  return toIsoDay(iso);
}
