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
}

export const BREAK: Block = { kind: 'break', inline: [] };

/** A line that is only a separator: "#####…" (more than six #, so not a heading), "***", "---", "___". */
export function isSeparatorLine(text: string): boolean {
  return /^(#{5,}|\*{3,}|-{3,}|_{3,})$/.test(text);
}

export function textBlock(inline: Inline[], kind: Block['kind'] = 'text'): Block {
  return { kind, inline: compact(inline) };
}

export function blockText(block: Block): string {
  return toPlainText(block.inline);
}

/** True when every visible character of the block sits inside one `strong` node. */
export function isWholeStrong(block: Block): boolean {
  return isWhollyWrapped(block.inline, 'strong');
}

/** True when every visible character of the block sits inside one `emphasis` node. */
export function isWholeEmphasis(block: Block): boolean {
  return isWhollyWrapped(block.inline, 'emphasis');
}

function isWhollyWrapped(nodes: readonly Inline[], type: 'strong' | 'emphasis'): boolean {
  const visible = nodes.filter((n) => !(n.type === 'text' && !/[\p{L}\p{N}]/u.test(n.value)));
  if (visible.length !== 1) return false;
  const only = visible[0]!;
  if (only.type === type) return true;
  // **_text_** and _**text**_ both count.
  if (only.type === 'strong' || only.type === 'emphasis') return isWhollyWrapped(only.children, type);
  return false;
}

/** Appends `next` to `prev` as one line, with a space unless `next` starts with closing punctuation. */
export function joinBlocks(prev: Block, next: Block): Block {
  const nextText = blockText(next);
  const glue =
    /^[.,;:!?)\]}’”%]/.test(nextText) || nextText === '' ? [] : [{ type: 'text' as const, value: ' ' }];
  return textBlock([...prev.inline, ...glue, ...next.inline], prev.kind);
}
