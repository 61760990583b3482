import { blockText, isWholeEmphasis, isWholeStrong, joinBlocks, textBlock, type Block } from './blocks';
import { isBoilerplate, isSignOff } from './boilerplate';
import { toPlainText, type Inline } from './inline';
import type { ParagraphRole, StoryKind } from './model';

/** A story as found in the block stream, before ids and topics are added. */
export interface SegmentedStory {
  title: string;
  dek: string;
  kind: StoryKind;
  paragraphs: { inline: Inline[]; role: ParagraphRole }[];
}

const LABEL = /^(why (this|it) matters|read more|read the\b|get the\b|check out\b|find out more|more info)/i;
const READ_MORE =
  /^(read more|read the (paper|report|blog|post|research|study|full|rest|speech|letter|article|transcript|essay)|get the (code|data|dataset|models?|paper|weights|benchmark)|check out the|find out more|more information|access the|download the|watch the|listen to)\b/i;
const WHY_THIS_MATTERS = /^why (this|it) matters\b/i;
const TECH_TALES = /^tech tales\b\s*[:.\-–—]?\s*(.*)$/i;
const POLICY_COLUMN = /^ai policy with\b/i;
/** "Import A-Idea", the occasional essay series, opens an editorial. */
const ESSAY_SERIES = /^import a-?idea\b[:.]?\s*(.*)$/i;
/** A Tech Tale's setting line, "[North America, 2038]" (the closing bracket is sometimes lost). */
const SETTING = /^\[[^\n]{2,300}$/;
const INSPIRED_BY = /^things that inspired this story\b/i;
const ELLIPSIS_START = /^(…|\.{2,}|\u2026)/;
const DEFAULT_EDITORIAL_TITLE = 'Editor’s note';

/** Turns a format's block stream into stories of paragraphs. */
export function segmentStories(input: readonly Block[], options: { fragmented: boolean }): SegmentedStory[] {
  let blocks = input.flatMap(splitHeadlineAndDek);
  if (options.fragmented) blocks = joinFragments(blocks);
  blocks = dropBoilerplate(blocks);
  return new Segmenter(blocks).run();
}

/**
 * Substack sometimes runs a headline, its dek and the first paragraph together on one line:
 * "**Headline?**_…dek…_ Body". Splits them into their own lines.
 */
function splitHeadlineAndDek(block: Block): Block[] {
  if (block.kind !== 'text') return [block];
  const [first, ...rest] = leadingNonBlank(block.inline);
  if (!first || rest.length === 0 || !hasWords(rest)) return [block];
  const firstText = blockText(textBlock([first]));
  if (first.type === 'strong' && ELLIPSIS_START.test(blockText(textBlock(rest)))) {
    return [textBlock([first]), ...splitHeadlineAndDek(textBlock(rest))];
  }
  if (first.type === 'emphasis' && ELLIPSIS_START.test(firstText) && /(…|\.{2,})$/.test(firstText)) {
    return [textBlock([first]), textBlock(rest)];
  }
  return [block];
}

function leadingNonBlank(nodes: Inline[]): Inline[] {
  const index = nodes.findIndex((n) => !(n.type === 'text' && !n.value.trim()));
  return index === -1 ? [] : nodes.slice(index);
}

function hasWords(nodes: Inline[]): boolean {
  return /[\p{L}\p{N}]/u.test(blockText(textBlock(nodes)));
}

const TERMINAL = /[.!?:;…"”’')\]]$/;

/**
 * In one-element-per-line exports a paragraph arrives in pieces: "In", "*a title*", ", RAND
 * writes…" or "Read more:", "[a link]", ".". Joins a piece onto the previous line when it plainly
 * continues it, and never across a dek, a separator, a setting line or a Tech Tales heading.
 */
function joinFragments(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (prev && shouldJoin(prev, block)) out[out.length - 1] = joinBlocks(prev, block);
    else out.push(block);
  }
  return out;
}

function shouldJoin(prev: Block, next: Block): boolean {
  if (prev.kind === 'break' || next.kind === 'break' || next.kind === 'heading' || prev.kind === 'heading') {
    return false;
  }
  const a = blockText(prev);
  const b = blockText(next);
  if (!a || !b) return false;
  if (next.kind === 'item' && prev.kind !== 'item') return false;
  if (isSetting(b) || TECH_TALES.test(b) || TECH_TALES.test(a) || isSignOff(b)) return false;
  // A dek whose text slipped onto the next line: "…" then "the words…".
  if (/^[…._*\s]+$/.test(a) && ELLIPSIS_START.test(a)) return true;
  if (ELLIPSIS_START.test(b)) return false;
  // A widget's label ("Subscribe now") is a line of its own, not the start of the next headline.
  if (isBoilerplate(a) && /^\p{Lu}/u.test(b)) return false;
  if (/^[.,;:!?)\]}’”%]/.test(b)) return true;
  if (/^\p{Ll}/u.test(b)) return true;
  // A bold line on its own is a heading or opens a new run-in paragraph.
  if (isWholeStrong(next) || ((isWholeStrong(prev) || isWholeEmphasis(prev)) && !a.endsWith(':')))
    return false;
  if (!TERMINAL.test(a)) return true;
  // A run-in label on its own line: "Read more:", "Why this matters - x:".
  return a.endsWith(':') && (LABEL.test(a) || wordCount(a) <= 6) && !isHeadlineLike(a);
}

/** Short, title-cased lines ending in a colon are headlines, not labels. */
function isHeadlineLike(text: string): boolean {
  return wordCount(text) > 6;
}

function dropBoilerplate(blocks: Block[]): Block[] {
  const signOff = findLastIndex(blocks, (b) => b.kind !== 'break' && isSignOff(blockText(b)));
  const kept = signOff === -1 ? blocks : blocks.slice(0, signOff);
  return kept.filter((b) => b.kind === 'break' || !isBoilerplate(blockText(b)));
}

class Segmenter {
  private readonly stories: SegmentedStory[] = [];
  private current: SegmentedStory | null = null;
  private afterBreak = true;
  private inPolicyColumn = false;
  private i = 0;

  constructor(private readonly blocks: Block[]) {}

  run(): SegmentedStory[] {
    while (this.i < this.blocks.length) this.step();
    const stories = this.stories.filter((s) => s.paragraphs.length > 0);
    // Some issues drop the "Tech Tales" heading, but every tale ends by naming what inspired it.
    for (const story of stories) {
      if (story.kind === 'news' && story.paragraphs.some((p) => INSPIRED_BY.test(toPlainText(p.inline)))) {
        story.kind = 'tech-tales';
      }
    }
    return stories;
  }

  private step(): void {
    const block = this.blocks[this.i]!;
    if (block.kind === 'break') {
      this.afterBreak = true;
      this.inPolicyColumn = false;
      this.i++;
      return;
    }
    const text = blockText(block);
    if (block.kind === 'heading' && this.stories.length === 0 && /^import ai\b/i.test(text)) {
      this.i++;
      return;
    }
    if (
      this.tryTechTales(text) ||
      this.tryPolicyColumn(text) ||
      this.tryEssay(text) ||
      this.tryHeadline(block, text)
    ) {
      this.afterBreak = false;
      return;
    }
    this.addParagraph(block, text);
    this.afterBreak = false;
    this.i++;
  }

  private tryTechTales(text: string): boolean {
    const heading = TECH_TALES.exec(text);
    const setting = this.peekText(1);
    if (heading && wordCount(text) <= 20) {
      let title = cleanTitle(heading[1] ?? '');
      let next = this.i + 1;
      if (!title) {
        const candidate = this.peekText(1);
        if (candidate && !isSetting(candidate) && wordCount(candidate) <= 20) {
          title = cleanTitle(candidate);
          next++;
        }
      }
      this.i = next;
      this.startStory(title || 'Tech Tales', this.takeSetting(), 'tech-tales');
      return true;
    }
    // The email edition omits the heading: a short title line after a separator, then "[Place, year]".
    if (this.afterBreak && setting && isSetting(setting) && wordCount(text) <= 20 && !/[.:]$/.test(text)) {
      this.i++;
      this.startStory(cleanTitle(text), this.takeSetting(), 'tech-tales');
      return true;
    }
    return false;
  }

  private takeSetting(): string {
    const setting = this.peekText(0);
    if (setting && isSetting(setting)) {
      this.i++;
      return setting.replace(/^\[\s*|[\s\]\[]+$/g, '').trim();
    }
    return '';
  }

  private tryPolicyColumn(text: string): boolean {
    if (!POLICY_COLUMN.test(text) || wordCount(text) > 12) return false;
    this.i++;
    // The column's own dek ("…Matthew van der Merwe brings you views…") introduces it; it is not content.
    const dek = this.peekText(0);
    if (dek && ELLIPSIS_START.test(dek)) this.i++;
    this.inPolicyColumn = true;
    this.current = null;
    return true;
  }

  private tryEssay(text: string): boolean {
    const heading = ESSAY_SERIES.exec(text);
    if (!heading || wordCount(text) > 20) return false;
    this.i++;
    let dek = '';
    const series = this.peekText(0);
    if (series && /\bessay series\b/i.test(series) && wordCount(series) <= 10) {
      dek = cleanTitle(series);
      this.i++;
    }
    let title = cleanTitle(heading[1] ?? '');
    const next = this.blocks[this.i];
    const nextText = this.peekText(0);
    if (
      !title &&
      next &&
      nextText &&
      isWholeStrong(next) &&
      wordCount(nextText) <= 15 &&
      !nextText.endsWith(':')
    ) {
      title = cleanTitle(nextText);
      this.i++;
    }
    this.startStory(title || 'Import A-Idea', dek, 'editorial');
    return true;
  }

  private tryHeadline(block: Block, text: string): boolean {
    if (block.kind !== 'text' && block.kind !== 'heading') return false;
    if (!isPlausibleHeadline(text)) return false;
    const next = this.peekText(1);
    if (next && isDek(next)) {
      this.i += 2;
      this.startStory(cleanTitle(text), cleanDek(next), this.inPolicyColumn ? 'policy-column' : 'news');
      return true;
    }
    const standalone =
      text.endsWith(':') || text.endsWith('?') || isWholeStrong(block) || block.kind === 'heading';
    const followedByProse = next !== undefined && !ELLIPSIS_START.test(next);
    // Policy-column items have no dek: a standalone "Headline:" line opens each one.
    if (this.inPolicyColumn && text.endsWith(':') && followedByProse && wordCount(text) <= 20) {
      this.i++;
      this.startStory(cleanTitle(text), '', 'policy-column');
      return true;
    }
    // After a separator, a standalone headline line opens a story even without a dek.
    if (this.afterBreak && standalone && followedByProse && wordCount(text) <= 25) {
      this.i++;
      this.startStory(cleanTitle(text), '', 'news');
      return true;
    }
    return false;
  }

  private addParagraph(block: Block, text: string): void {
    if (!this.current && this.stories.length === 0) {
      // Prose before the first story is the editorial; a bold first line is its title.
      const titled = isWholeStrong(block) && wordCount(text) <= 20;
      this.startStory(titled ? cleanTitle(text) : DEFAULT_EDITORIAL_TITLE, '', 'editorial');
      if (titled) return;
    } else if (!this.current || this.afterBreak) {
      // Prose after a separator with no headline: keep it, as a story titled by its first words.
      this.startStory(firstWords(text), '', this.inPolicyColumn ? 'policy-column' : 'news');
    }
    // Decoration ("***", "[ ]", a lone "…") is not a paragraph.
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    this.current!.paragraphs.push({ inline: trimStrayMarkers(block.inline), role: roleOf(text) });
  }

  private startStory(title: string, dek: string, kind: StoryKind): void {
    this.current = { title, dek, kind, paragraphs: [] };
    this.stories.push(this.current);
  }

  /** The text of the block `offset` places after the cursor, skipping nothing. */
  private peekText(offset: number): string | undefined {
    const block = this.blocks[this.i + offset];
    if (!block || block.kind === 'break') return undefined;
    return blockText(block);
  }
}

/** Emphasis markers left at the edges of a line when their partner was lost in the export. */
function trimStrayMarkers(nodes: Inline[]): Inline[] {
  return trimEdge(trimEdge(nodes, 'start'), 'end');
}

function trimEdge(nodes: Inline[], edge: 'start' | 'end'): Inline[] {
  const index = edge === 'start' ? 0 : nodes.length - 1;
  const node = nodes[index];
  if (!node || node.type === 'code') return nodes;
  const out = [...nodes];
  if (node.type === 'text') {
    const value =
      edge === 'start'
        ? node.value.replace(/^\s*[_*]+(?=\S|$)/, '')
        : node.value.replace(/(?<=\S|^)\s*[_*]+\s*$/, '');
    out[index] = { type: 'text', value };
  } else {
    out[index] = { ...node, children: trimEdge(node.children, edge) };
  }
  return out;
}

function isSetting(text: string): boolean {
  return SETTING.test(text) && wordCount(text) <= 40;
}

/** "…Russia taps AI pioneer to launch a lab…": an ellipsis, then words. */
function isDek(text: string): boolean {
  return (
    ELLIPSIS_START.test(text) && wordCount(text) <= 80 && (text.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 2
  );
}

function isPlausibleHeadline(text: string): boolean {
  if (wordCount(text) > 40 || LABEL.test(text) || ELLIPSIS_START.test(text)) return false;
  if (INSPIRED_BY.test(text) || isSetting(text)) return false;
  return /[\p{L}\p{N}]/u.test(text);
}

function roleOf(text: string): ParagraphRole {
  if (WHY_THIS_MATTERS.test(text)) return 'why-this-matters';
  if (READ_MORE.test(text) && wordCount(text) <= 60) return 'read-more';
  return 'body';
}

export function cleanTitle(text: string): string {
  return text
    .replace(/^[\s*_#]+|[\s*_]+$/g, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

function cleanDek(text: string): string {
  return text
    .replace(/^[\s_*[]*(…|\.{2,})?\s*/, '')
    .replace(/\s*(…|\.{2,})[\s_*]*$/, '')
    .trim();
}

function firstWords(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 10 ? cleanTitle(text) : `${words.slice(0, 10).join(' ')}…`;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function findLastIndex<T>(items: readonly T[], match: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (match(items[i]!)) return i;
  return -1;
}
