import type { Inline } from './inline';

/**
 * Inline content with its line breaks still in it. A break may sit deep inside inline wrappers
 * (Substack's 2026 HTML puts every run of text in a `<span>` and a headline's `<br>` inside its
 * `<strong>`; Substack Markdown carries a hard break inside a bold run that spans two lines), so
 * lines are cut from the finished tree rather than at its top level only.
 */
export type Piece =
  | Inline
  /** `soft`: a soft line break the parser was asked to split at (see `MarkdownOptions`). */
  | { type: 'br'; soft?: boolean }
  | { type: 'strong' | 'emphasis' | 'delete'; children: Piece[] }
  | { type: 'link'; href: string; children: Piece[] };

export interface Line {
  inline: Inline[];
  /** The line starts after a soft break, not a hard one. */
  afterSoftBreak: boolean;
}

/** Cuts pieces into lines at each break, repeating the wrappers a break falls inside. */
export function splitLines(pieces: readonly Piece[]): Line[] {
  const lines: Line[] = [{ inline: [], afterSoftBreak: false }];
  for (const piece of pieces) {
    if (piece.type === 'br') {
      lines.push({ inline: [], afterSoftBreak: piece.soft === true });
    } else if (piece.type === 'text' || piece.type === 'code') {
      lines[lines.length - 1]!.inline.push(piece);
    } else {
      splitLines(piece.children).forEach((inner, i) => {
        if (i > 0) lines.push({ inline: [], afterSoftBreak: inner.afterSoftBreak });
        if (inner.inline.length === 0) return;
        lines[lines.length - 1]!.inline.push(
          piece.type === 'link'
            ? { type: 'link', href: piece.href, children: inner.inline }
            : { type: piece.type, children: inner.inline },
        );
      });
    }
  }
  return lines;
}
