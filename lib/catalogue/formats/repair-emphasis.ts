/**
 * Substack's Markdown export breaks emphasis at hard line breaks: a bold headline ends with
 * "headline:  \n**" so the closing marker lands at the start of the next line, an italic dek ends
 * with "…dek…  \n_", and a `***` separator fuses with the next headline's opening "**" into
 * "*****". No CommonMark parser can pair markers across lines like that, so before parsing we
 * move each stray marker back onto the line it belongs to. Works line by line, never across
 * the document as a whole.
 */
export function repairSubstackEmphasis(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  splitFusedSeparators(lines);
  balanceMarker(lines, '**');
  balanceMarker(lines, '_');
  return lines.join('\n');
}

/** "*****" = a `***` separator plus the opening "**" of the next non-blank line. */
function splitFusedSeparators(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fused = /^\s*\*{5,}\s*$/.exec(line);
    if (!fused) continue;
    lines[i] = '***';
    const next = findNext(lines, i + 1);
    if (next !== -1) lines[next] = '**' + lines[next]!.trimStart();
  }
}

/**
 * When a line opens `marker` without closing it and a later line (within a short window) starts
 * with the closing `marker`, close it at the end of the opening line, re-open and close it on the
 * lines in between, and remove it from the closing line.
 */
function balanceMarker(lines: string[], marker: '**' | '_'): void {
  for (let i = 0; i < lines.length; i++) {
    if (!hasUnclosedOpener(lines[i]!, marker)) continue;
    const closer = findCloser(lines, i + 1, marker);
    if (closer === -1) continue;
    lines[i] = closeAtEnd(lines[i]!, marker);
    for (let j = i + 1; j < closer; j++) {
      const between = lines[j]!;
      if (between.trim()) lines[j] = marker + between.trim() + marker + trailingBreak(between);
    }
    lines[closer] = lines[closer]!.replace(/^\s*/, '').slice(marker.length).replace(/^\s+/, '');
    i = closer - 1;
  }
}

const MAX_SPAN = 4;

function findCloser(lines: string[], from: number, marker: '**' | '_'): number {
  for (let j = from, seen = 0; j < lines.length && seen < MAX_SPAN; j++) {
    const line = lines[j]!;
    if (!line.trim()) continue;
    seen++;
    if (startsWithCloser(line, marker)) return j;
    if (countMarkers(line, marker) % 2 === 1) return -1;
  }
  return -1;
}

function startsWithCloser(line: string, marker: '**' | '_'): boolean {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith(marker)) return false;
  if (marker === '**') {
    // "**" then a space, an underscore (the dek's "_") or nothing: a closer, not a new bold run.
    return /^\*\*(\s|_|$)/.test(trimmed);
  }
  return /^_(\s|$)/.test(trimmed);
}

function hasUnclosedOpener(line: string, marker: '**' | '_'): boolean {
  if (!line.trim() || startsWithCloser(line, marker)) return false;
  return countMarkers(line, marker) % 2 === 1;
}

/** Counts emphasis markers, ignoring escaped ones, ones inside URLs and intra-word underscores. */
function countMarkers(line: string, marker: '**' | '_'): number {
  const cleaned = line
    .replace(/\\[*_]/g, '')
    .replace(/\]\([^)]*\)/g, '](x)')
    .replace(/https?:\/\/\S+/g, '');
  if (marker === '**') return (cleaned.match(/(?<!\*)\*\*(?!\*)/g) ?? []).length;
  return (cleaned.match(/(?<![\p{L}\p{N}_])_(?!_)|(?<!_)_(?![\p{L}\p{N}_])/gu) ?? []).length;
}

function closeAtEnd(line: string, marker: string): string {
  const content = line.replace(/\s+$/, '');
  return content + marker + trailingBreak(line);
}

/** Keeps a Markdown hard break ("  " at the end) where the line had one. */
function trailingBreak(line: string): string {
  return / {2,}$/.test(line) ? '  ' : '';
}

function findNext(lines: string[], from: number): number {
  for (let j = from; j < lines.length; j++) if (lines[j]!.trim()) return j;
  return -1;
}

/**
 * The static-site export writes a `<br>` inside a bold run as a paragraph break, so the run opens
 * on one paragraph and closes on a later one ("**Tech Tales:" … "The Ultimate Insurance Policy**").
 * Closes the run at the end of its first paragraph and re-opens it on each paragraph up to the one
 * that closes it, so every piece stays bold (a label, a title) instead of losing its markers.
 */
export function repairSplitBold(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const opener = lines[i]!;
    if (!/^\s*\*\*\S/.test(opener) || countMarkers(opener, '**') % 2 === 0) continue;
    const closer = findSplitCloser(lines, i + 1);
    if (closer === -1) continue;
    lines[i] = closeAtEnd(opener, '**');
    for (let j = i + 1; j < closer; j++) if (lines[j]!.trim()) lines[j] = `**${lines[j]!.trim()}**`;
    lines[closer] = `**${lines[closer]!.trimStart()}`;
    i = closer;
  }
  return lines.join('\n');
}

function findSplitCloser(lines: string[], from: number): number {
  for (let j = from, seen = 0; j < lines.length && seen < MAX_SPAN; j++) {
    const line = lines[j]!;
    if (!line.trim()) continue;
    seen++;
    if (countMarkers(line, '**') % 2 === 1) return /\S\*\*\s*$/.test(line) ? j : -1;
  }
  return -1;
}
