const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  eacute: 'é',
  copy: '©',
  trade: '™',
};

/** Decode the HTML entities publishers leave in titles (`&#8217;`, `&#x2019;`, `&amp;`…). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity] ?? match;
  });
}

/** A title given as HTML → plain text: drop inline tags, decode entities, collapse whitespace. */
export function htmlToPlainText(html: string): string {
  return collapseSpace(decodeHtmlEntities(html.replace(/<[^>]*>/g, '')));
}

/** A title given as text that may still hold entities → plain text. */
export function titleText(text: string): string {
  return collapseSpace(decodeHtmlEntities(text));
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
