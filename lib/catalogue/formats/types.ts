import type { Block } from '../blocks';
import type { SourceFormat } from '../model';

/** What a format parser hands to the segmenter: the metadata and its block stream. */
export interface ParsedSource {
  format: SourceFormat;
  /** Full title, e.g. "Import AI 226: AlphaFold; …". */
  title: string;
  /** The original post's URL, or '' when the file does not give a usable one. */
  url: string;
  /** The publication date when the file states it (ISO). */
  statedDate?: string;
  /** The issue cannot have been published after this date (e.g. when a feed was read). */
  dateUpperBound?: string;
  /** Dates the file gives for other issues (an email archive's "Older messages" listing). */
  listedDates: { number: number; date: string }[];
  blocks: Block[];
  /** Lines may be fragments of one paragraph (one element per line) and need joining. */
  fragmented: boolean;
}

/** Takes an ISO date or timestamp and returns its YYYY-MM-DD part, or undefined. */
export function toIsoDay(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}
