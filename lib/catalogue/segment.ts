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

const LABEL =
  /^(why (this|it) matters|read more|read the\b|get the\b|check out\b|find out more|more info|things that inspired this story)/i;
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
  let blocks = input.map(withoutStrayMarkers).filter(isNotEmpty).flatMap(splitHeadlineAndDek);
  if (options.fragmented) blocks = joinFragments(blocks);
  blocks = dropBoilerplate(blocks);
  blocks = joinBrokenItems(blocks);
  blocks = joinRunInLabels(blocks);
  return new Segmenter(blocks).run();
}

/**
 * An emphasis marker whose partner the export lost ("_…dek…", "*…") would hide what a line is
 * (a dek must start with an ellipsis), so it goes before anything looks at the line.
 */
function withoutStrayMarkers(block: Block): Block {
  return block.kind === 'break'
    ? block
    : { ...block, ...textBlock(trimStrayMarkers(block.inline), block.kind) };
}

function isNotEmpty(block: Block): boolean {
  return block.kind === 'break' || block.inline.length > 0;
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

/** The longest headline (the longest in the archive runs to about 30 words). */
const MAX_HEADLINE_WORDS = 40;
/** An opening piece this long with no "Read more" is an essay, not a news item. */
const MIN_ESSAY_PARAGRAPHS = 8;
/** A headline opens a story of prose, not a pointer ("…check out the videos:" "DexDrummer site."). */
const MIN_STORY_OPENING_WORDS = 12;
/** The longest dek written without its ellipses ("_MoneyMoneyMoney, but what does it all mean?_"). */
const MAX_PLAIN_DEK_WORDS = 25;
/** The longest untitled note that opens an issue (longer, it is the essay itself). */
const MAX_NOTE_PARAGRAPHS = 4;
/** How far past an essay-series heading its own title may sit (after a preamble). */
const ESSAY_TITLE_WINDOW = 12;

/** Longer lines ending in a colon are headlines ("Amazon sticks some robot bipeds in its warehouses:"). */
const MAX_LABEL_WORDS = 20;

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
    const before = out[out.length - 2];
    // The line under a "Tech Tales" heading is the tale's title, whatever follows it.
    const isTaleTitle = before !== undefined && TECH_TALES.test(blockText(before));
    if (prev && !isTaleTitle && shouldJoin(prev, block)) out[out.length - 1] = joinBlocks(prev, block);
    else out.push(block);
  }
  return out;
}

function shouldJoin(prev: Block, next: Block): boolean {
  if (prev.kind === 'break' || next.kind === 'break' || next.kind === 'heading' || prev.kind === 'heading') {
    return false;
  }
  if (next.opensParagraph) return false;
  const a = blockText(prev);
  const b = blockText(next);
  if (!a || !b) return false;
  // Two list items never join, nor an item and the prose after its list; the lines of one item may.
  if (next.kind === 'item' ? prev.kind !== 'item' || !next.sameItem : prev.kind === 'item') return false;
  if (isSetting(b) || TECH_TALES.test(b) || TECH_TALES.test(a) || isSignOff(b)) return false;
  // A dek whose text slipped onto the next line: "…" then "the words…".
  if (/^[…._*\s]+$/.test(a) && ELLIPSIS_START.test(a)) return true;
  // A lone ellipsis that trails off the sentence before it, not the opening of a dek.
  if (/^(…|\.{3})$/.test(b) && !TERMINAL.test(a)) return true;
  if (ELLIPSIS_START.test(b)) return false;
  // A widget's label ("Subscribe now") is a line of its own, not the start of the next headline.
  if (isBoilerplate(a) && /^\p{Lu}/u.test(b)) return false;
  if (/^[.,;:!?)\]}’”%]/.test(b) || /[,;([“–-]$/.test(a) || /^[-–—]\s+\p{Ll}/u.test(b)) return true;
  if (/^\p{Ll}/u.test(b) || isInsideParentheses(a)) return true;
  // The export breaks a line softly only inside a paragraph: between a headline and its dek, a
  // title and its setting, or around an inline element ("as in *The Wire*", "GPT-2. **2020**: …").
  if (next.afterSoftBreak && !isWholeStrong(prev) && !isWholeEmphasis(prev) && !isSetting(b)) return true;
  // A run-in label that ends the line ("… GPT3. **2022:**") goes with what follows it.
  if (!isWholeStrong(prev) && endsWithLabel(prev) && !isWholeStrong(next)) return true;
  // Within one list item an italic label runs on from the line before ("…problem. 2) _Amdahl’s Law:_").
  if (next.sameItem && isWholeEmphasis(next) && b.endsWith(':')) return true;
  // A bold or italic line on its own is a heading or a label (see `joinRunInLabels`).
  if (isWholeStrong(next) || isWholeStrong(prev) || isWholeEmphasis(prev)) return false;
  return !TERMINAL.test(a);
}

function endsWithLabel(block: Block): boolean {
  const visible = block.inline.filter((n) => !(n.type === 'text' && !n.value.trim()));
  const last = visible[visible.length - 1];
  return last?.type === 'strong' && /:\s*$/.test(toPlainText(last.children));
}

/** A line that opened a parenthesis it has not closed ("… (”AscendCraft”") goes on after it. */
function isInsideParentheses(text: string): boolean {
  if (/[.!?:]["”’]?$/.test(text)) return false;
  return (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
}

/**
 * Some exports cut one bullet's sentence into several bullets ("* …to initiate contact with other",
 * "* members of the lab…"): an item that starts in lower case goes on from an unfinished one.
 */
function joinBrokenItems(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    const continues =
      prev?.kind === 'item' &&
      block.kind === 'item' &&
      /^\p{Ll}/u.test(blockText(block)) &&
      !/[.!?:;]["”’)]?$/.test(blockText(prev));
    if (prev && continues) out[out.length - 1] = joinBlocks(prev, block);
    else out.push(block);
  }
  return out;
}

/**
 * A run-in label ("Why this matters - a long reason:", "Read more:", "What they found:") opens the
 * paragraph after it. Substack's HTML usually runs them in, but the static-site export always puts
 * them on a line of their own and the HTML sometimes breaks the line after one; either way the
 * reader sees one paragraph, and every shape must give it the same id.
 */
function joinRunInLabels(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const joined = new Set<Block>();
  let inPolicyColumn = false;
  for (const block of blocks) {
    if (block.kind === 'break') inPolicyColumn = false;
    else if (POLICY_COLUMN.test(blockText(block))) inPolicyColumn = true;
    const prev = out[out.length - 1];
    if (
      prev &&
      !joined.has(prev) &&
      isLabelThenProse(prev, block, inPolicyColumn) &&
      !standsAsHeadline(prev, out[out.length - 2], block)
    ) {
      out[out.length - 1] = joinBlocks(prev, block);
      // Two labels in a row make one label, which still takes the prose after it.
      if (!isWholeStrong(block)) joined.add(out[out.length - 1]!);
    } else out.push(block);
  }
  return out;
}

/**
 * Where a bold line is a headline or a title rather than a label: at the top, after a separator,
 * after a previous story's closing "Read more" (stories are not always separated), and under a
 * "Tech Tales" or essay-series heading.
 */
function standsAsHeadline(line: Block, before: Block | undefined, after: Block): boolean {
  if (!before || before.kind === 'break') return true;
  const text = blockText(line);
  const beforeText = blockText(before);
  const underHeading =
    TECH_TALES.test(beforeText) || ESSAY_SERIES.test(beforeText) || /\bessay series\b/i.test(beforeText);
  // A title under a "Tech Tales" or essay-series heading; an essay's "Preamble:" is still a label.
  if (TECH_TALES.test(beforeText)) return true;
  if (underHeading) return !text.endsWith(':');
  return (
    !LABEL.test(text) &&
    READ_MORE.test(beforeText) &&
    /[:?]$/.test(text) &&
    wordCount(blockText(after)) >= MIN_STORY_OPENING_WORDS
  );
}

function isLabelThenProse(label: Block, next: Block, inPolicyColumn: boolean): boolean {
  const sameParagraph =
    (label.kind === 'text' && next.kind === 'text') || (next.kind === 'item' && next.sameItem === true);
  if (!sameParagraph) return false;
  const a = blockText(label);
  const b = blockText(next);
  if (isWholeStrong(next) && !(isWholeStrong(label) && isShortLabel(next, b))) return false;
  if (!b || ELLIPSIS_START.test(b) || isSetting(b) || TECH_TALES.test(a) || isSignOff(b)) return false;
  // The newsletter's own labels, bold or (in page captures) plain, but only when alone on the line.
  if (LABEL.test(a) && wordCount(a) <= 40) return isWholeStrong(label) || isBareLabel(a);
  // Policy-column items open with a bare "Headline:" line, which is not a label.
  if (inPolicyColumn || !isWholeStrong(label) || wordCount(a) > MAX_LABEL_WORDS) return false;
  return /[:?]$/.test(a);
}

function isShortLabel(block: Block, text: string): boolean {
  return isWholeStrong(block) && text.endsWith(':') && wordCount(text) <= MAX_LABEL_WORDS;
}

/** "Why this matters - a reason:" alone, not a whole paragraph that starts with the label. */
function isBareLabel(text: string): boolean {
  return /[:\-–—]$/.test(text) && !/[.!?]["”’)]?\s/.test(text);
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
  private seenBreak = false;
  private inPolicyColumn = false;
  private lastRole: ParagraphRole | undefined;
  /** The story that opens the issue, when it began before the first separator. */
  private readonly opening = new Set<SegmentedStory>();
  /** Blocks already used by a look-ahead (an essay's title and subtitle). */
  private readonly consumed = new Set<number>();
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
      if (this.isOpeningEssay(story)) story.kind = 'editorial';
    }
    return stories;
  }

  /**
   * A long piece that opens the issue before any separator and cites nothing with a "Read more" is
   * the author's own essay, even when it is laid out like a news item (a bold headline and a dek).
   */
  private isOpeningEssay(story: SegmentedStory): boolean {
    return (
      story.kind === 'news' &&
      this.opening.has(story) &&
      story.paragraphs.length >= MIN_ESSAY_PARAGRAPHS &&
      !story.paragraphs.some((p) => p.role === 'read-more')
    );
  }

  private step(): void {
    const block = this.blocks[this.i]!;
    if (this.consumed.has(this.i)) {
      this.i++;
      return;
    }
    if (block.kind === 'break') {
      this.afterBreak = true;
      this.seenBreak = true;
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
    // "An occasional essay series" names the series, not this essay.
    const series = this.peekText(0);
    if (series && /\bessay series\b/i.test(series) && wordCount(series) <= 10) this.i++;
    let title = cleanTitle(heading[1] ?? '');
    let dek = '';
    const titleAt = title ? -1 : this.findEssayTitle();
    if (titleAt !== -1) {
      title = cleanTitle(blockText(this.blocks[titleAt]!));
      this.consumed.add(titleAt);
      const subtitle = this.blocks[titleAt + 1];
      if (subtitle && subtitle.kind === 'text' && (isWholeEmphasis(subtitle) || isDek(blockText(subtitle)))) {
        dek = cleanDek(blockText(subtitle));
        this.consumed.add(titleAt + 1);
      }
    } else if (!title) {
      // No title of its own: the essay is known by its dek ("…The existential shock of…").
      const next = this.peekText(0);
      if (next && isDek(next)) {
        title = dek = cleanDek(next);
        this.i++;
      }
    }
    this.startStory(title || DEFAULT_EDITORIAL_TITLE, dek, 'editorial');
    return true;
  }

  /**
   * An essay's own title comes after the series heading, sometimes after a preamble: the first
   * bold line before the next separator that is not a label or an all-capitals section head.
   */
  private findEssayTitle(): number {
    for (let at = this.i; at < this.blocks.length && at < this.i + ESSAY_TITLE_WINDOW; at++) {
      const block = this.blocks[at]!;
      if (block.kind === 'break') return -1;
      const text = blockText(block);
      if (isWholeStrong(block) && isTitleLike(text)) return at;
    }
    return -1;
  }

  private tryHeadline(block: Block, text: string): boolean {
    if (block.kind !== 'text' && block.kind !== 'heading') return false;
    const next = this.peekText(1);
    // A line followed by a dek is a headline, even one that reads like a label ("Check out…:"). Where
    // a story starts, an italic line under a bold headline is its dek even without the ellipses.
    const italicDek =
      (this.afterBreak || !this.current) &&
      isWholeStrong(block) &&
      /[:?]$/.test(text) &&
      isPlainDek(this.blocks[this.i + 1]);
    if (next && (isDek(next) || italicDek) && isHeadlineText(text)) {
      this.i += 2;
      this.startStory(cleanTitle(text), cleanDek(next), this.inPolicyColumn ? 'policy-column' : 'news');
      return true;
    }
    if (!isPlausibleHeadline(text)) return false;
    const standalone =
      text.endsWith(':') || text.endsWith('?') || isWholeStrong(block) || block.kind === 'heading';
    // A headline opens a story, so the line after it must be that story's prose, not another
    // headline with its dek (then this line is a note of its own, not a headline).
    const after = this.peekText(2);
    const followedByProse =
      next !== undefined && !ELLIPSIS_START.test(next) && !(after !== undefined && isDek(after));
    if (!followedByProse) return false;
    // Policy-column items have no dek: a standalone "Headline:" line opens each one.
    if (this.inPolicyColumn && text.endsWith(':') && wordCount(text) <= 20) {
      this.i++;
      this.startStory(cleanTitle(text), '', 'policy-column');
      return true;
    }
    // A standalone headline opens a story even without a dek: after a separator, or right after the
    // previous story's "Read more" when the issue did not separate them.
    const afterStory =
      this.lastRole === 'read-more' &&
      isWholeStrong(block) &&
      text.endsWith(':') &&
      wordCount(next) >= MIN_STORY_OPENING_WORDS;
    if ((this.afterBreak && standalone) || afterStory) {
      this.i++;
      this.startStory(cleanTitle(text), '', 'news');
      return true;
    }
    // An essay under its own bold title can follow the short note that opens the issue.
    const essayTitle = this.afterOpeningNote() ? editorialTitle(block) : '';
    if (essayTitle) {
      this.i++;
      this.startStory(cleanTitle(essayTitle), '', 'editorial');
      return true;
    }
    return false;
  }

  /** After the untitled note that opens some issues, before the first separator. */
  private afterOpeningNote(): boolean {
    const note = this.current;
    return (
      !this.seenBreak &&
      this.stories.length === 1 &&
      note?.kind === 'editorial' &&
      note.title === DEFAULT_EDITORIAL_TITLE &&
      note.paragraphs.length > 0 &&
      note.paragraphs.length <= MAX_NOTE_PARAGRAPHS
    );
  }

  private addParagraph(block: Block, text: string): void {
    if (!this.current && this.stories.length === 0) {
      // Prose before the first story is the editorial; a bold first line is its title.
      const titled = isWholeStrong(block) && wordCount(text) <= 20;
      this.startStory(titled ? cleanTitle(text) : DEFAULT_EDITORIAL_TITLE, '', 'editorial');
      if (titled) return;
    } else if (!this.current) {
      // Prose with no headline where no story is open (after the policy column's heading).
      this.startStory(firstWords(text), '', this.inPolicyColumn ? 'policy-column' : 'news');
    }
    // Decoration ("***", "[ ]", a lone "…") is not a paragraph. Prose after a separator with no
    // headline goes on with the story before it: a tale's scene break, not a new story.
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    const role = roleOf(text);
    this.current!.paragraphs.push({ inline: block.inline, role });
    this.lastRole = role;
  }

  private startStory(title: string, dek: string, kind: StoryKind): void {
    this.current = { title, dek, kind, paragraphs: [] };
    this.stories.push(this.current);
    // Only the first piece (after any untitled note) can be its opening essay.
    const firstPiece = this.stories.every((s) => s === this.current || s.kind === 'editorial');
    if (!this.seenBreak && firstPiece) this.opening.add(this.current);
    this.lastRole = undefined;
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

/** "…Russia taps AI pioneer to launch a lab…" or "…WUTDet…": an ellipsis, then words. */
function isDek(text: string): boolean {
  // One dek in the archive lost a dot of its opening ellipsis (".Emergent agent communication!…").
  const opens = ELLIPSIS_START.test(text) || /^\.\p{Lu}.*(…|\.{2,})$/u.test(text);
  if (!opens || wordCount(text) > 80) return false;
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return words >= 2 || (words === 1 && /(…|\.{2,})$/.test(text));
}

function isPlainDek(block: Block | undefined): boolean {
  if (!block || block.kind !== 'text' || !isWholeEmphasis(block)) return false;
  const text = blockText(block);
  return wordCount(text) <= MAX_PLAIN_DEK_WORDS && !isSetting(text);
}

function isHeadlineText(text: string): boolean {
  return wordCount(text) <= MAX_HEADLINE_WORDS && !ELLIPSIS_START.test(text) && /[\p{L}\p{N}]/u.test(text);
}

function isPlausibleHeadline(text: string): boolean {
  if (!isHeadlineText(text) || LABEL.test(text)) return false;
  return !INSPIRED_BY.test(text) && !isSetting(text);
}

/** A title, not a label ("Preamble:") or an all-capitals section head ("CHILDREN IN THE DARK"). */
function isTitleLike(text: string): boolean {
  return (
    wordCount(text) <= 20 &&
    !/:$/.test(text) &&
    !LABEL.test(text) &&
    /\p{Ll}/u.test(text) &&
    !ELLIPSIS_START.test(text)
  );
}

/**
 * The title of an essay that follows a note: a bold title line, or a bold title run in after a
 * short plain label ("Cosmos lecture: **Explore the future, or retreat from the present.**").
 */
function editorialTitle(block: Block): string {
  const text = blockText(block);
  if (isWholeStrong(block)) return isTitleLike(text) ? text : '';
  const [label, ...rest] = block.inline.filter((n) => !(n.type === 'text' && !n.value.trim()));
  if (label?.type !== 'text' || !/^[^.!?]{1,30}:\s*$/.test(label.value) || rest.length === 0) return '';
  const titled = textBlock(rest);
  return isWholeStrong(titled) && isTitleLike(blockText(titled)) ? blockText(titled) : '';
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
