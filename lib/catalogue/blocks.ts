import { compact, toPlainText, type Inline } from './inline';

/**
 * The format-neutral stream every parser produces: one block per line of content, in order.
 * Story boundaries, labels and boilerplate are found on this stream by `segment.ts`, so each
 * format only has to say what its lines are, not what they mean.
 */
export interface Block {
  /** `text`: a line of prose; `item`: a list item; `break`: a story separator; `heading`: a document heading. */
  kind: 'text' | 'item' | 'break' | 'heading';
  inline: Inline[];
  /** An item block that is a further line of the same list item as the block before it. */
  sameItem?: boolean;
  /** The source says for certain that a new paragraph starts here (so no fragment joins onto it). */
  opensParagraph?: boolean;
  /** Split from the line before at a soft line break, which a one-element-per-line export uses within a line. */
  afterSoftBreak?: boolean;
}

export const BREAK: Block = { kind: 'break', inline: [] };

/**
 * A line that is only a separator: "#####…" (more than six #, so not a heading), "***", "---",
 * "___", or a run of one other symbol the newsletter has used ("$$$" between funding stories).
 */
export function isSeparatorLine(text: string): boolean {
  return /^(#{5,}|\*{3,}|-{3,}|_{3,}|\${3,}|={3,}|~{3,})$/.test(text);
}

export function textBlock(inline: Inline[], kind: Block['kind'] = 'text'): Block {
  return { kind, inline: compact(inline) };
}

/**
 * Marks the item blocks of one list item after its first as lines of that same item. Blocks a
 * nested list already marked keep their marks: a nested item is not a line of its parent.
 */
export function markSameItem(blocks: Block[]): Block[] {
  return blocks.map((block, i) =>
    block.kind !== 'item' || block.sameItem !== undefined ? block : { ...block, sameItem: i > 0 },
  );
}

export function blockText(block: Block): string {
  return toPlainText(block.inline);
}

/** True when every visible character of the block sits inside `strong` nodes. */
export function isWholeStrong(block: Block): boolean {
  return isWhollyWrapped(block.inline, 'strong');
}

/** True when every visible character of the block sits inside `emphasis` nodes. */
export function isWholeEmphasis(block: Block): boolean {
  return isWhollyWrapped(block.inline, 'emphasis');
}

function isWhollyWrapped(nodes: readonly Inline[], type: 'strong' | 'emphasis'): boolean {
  const visible = nodes.filter((n) => !(n.type === 'text' && !/[\p{L}\p{N}]/u.test(n.value)));
  if (visible.length === 0) return false;
  return visible.every(
    (node) =>
      node.type === type ||
      // **_text_** and _**text**_ both count.
      ((node.type === 'strong' || node.type === 'emphasis') && isWhollyWrapped(node.children, type)),
  );
}

/** Appends `next` to `prev` as one line, with a space unless `next` starts with closing punctuation. */
export function joinBlocks(prev: Block, next: Block): Block {
  const nextText = blockText(next);
  const opens = /[([{“‘]$/.test(blockText(prev));
  const glue =
    opens || /^[.,;:!?)\]}’”%…]/.test(nextText) || nextText === ''
      ? []
      : [{ type: 'text' as const, value: ' ' }];
  return {
    ...textBlock([...prev.inline, ...glue, ...next.inline], prev.kind),
    sameItem: prev.sameItem,
    opensParagraph: prev.opensParagraph,
  };
}
