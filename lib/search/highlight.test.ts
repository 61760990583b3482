import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, highlightHtml, SNIPPET_WORDS, snippet } from './highlight';
import { markTermsOf } from './mark-terms';
import { termsOf } from './text';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The plain text behind highlighted output: marks removed, entities decoded. */
function plain(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** The marked words, in order. */
function marked(html: string): string[] {
  return [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!);
}

/** Tags in the output other than `<mark>` and `</mark>`. */
function otherTags(html: string): string[] {
  return html.replace(/<\/?mark>/g, '').match(/[<>]/g) ?? [];
}

/** `n` filler words `w0 w1 …`, with `protein` at the given positions. */
function words(n: number, matchesAt: readonly number[]): string {
  return Array.from({ length: n }, (_, i) => (matchesAt.includes(i) ? 'protein' : `w${i}`)).join(' ');
}

describe('highlight', () => {
  describe('marks whole words only', () => {
    it.each([
      ['AI is here again', ['AI']],
      ['paint the wall', []],
      ['Thai food', []],
      ['said the AI', ['AI']],
      ['air and ai.', ['ai']],
      ['AI’s models', ['AI’s']],
    ])('marks "ai" in %j as %j', (text, expected) => {
      expect(marked(highlight(text, markTermsOf('ai')))).toEqual(expected);
    });
  });

  it.each([
    ['protein', 'Proteins are folded', ['Proteins']],
    ['fold', 'protein folding and folded sheets', ['folding', 'folded']],
    ['folded proteins', 'protein folding', ['protein', 'folding']],
    ['GPT-4', 'GPT-4 beats GPT4 and GPT', ['GPT-4', 'GPT4']],
  ])('marks the inflections of the query %j in %j', (q, text, expected) => {
    expect(marked(highlight(text, markTermsOf(q)))).toEqual(expected);
  });

  it('escapes the text before marking it', () => {
    expect(highlight('<script>alert("AI")</script> & more', markTermsOf('ai'))).toBe(
      '&lt;script&gt;alert(&quot;<mark>AI</mark>&quot;)&lt;/script&gt; &amp; more',
    );
  });

  it('never produces a tag other than <mark> for a hostile query', () => {
    const terms = markTermsOf('<script>alert(1)</script>');
    const out = highlight('<script>alert(1)</script> <img src=x onerror=alert(1)>', terms);
    expect(marked(out)).toEqual(['script', 'alert', '1', 'script', 'alert', '1']);
    expect(otherTags(out)).toEqual([]);
  });

  it('returns the escaped text unchanged when nothing matches', () => {
    expect(highlight("Tom's <b>", new Set(['robot']))).toBe('Tom&#39;s &lt;b&gt;');
  });

  it('marks the whole hyphenated word when both it and a later part match', () => {
    expect(highlight('self-driving cars', markTermsOf('self-driving OR driving'))).toBe(
      '<mark>self-driving</mark> cars',
    );
  });

  describe('for any text and terms', () => {
    const htmlish = fc
      .array(
        fc.constantFrom(
          '<',
          '>',
          '&',
          '"',
          "'",
          '<mark>',
          '</mark>',
          '&amp;',
          '&lt;',
          '<script>',
          '<a href="x">',
          ' ',
          'AI',
          'ai',
          'again',
          'GPT-4',
          "it's",
          '2405.06624',
          'é',
          'e\u0301',
          '😀',
          '👩‍👩‍👧',
          '\u200f',
          '\u202e',
          'שלום',
          'مرحبا',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      htmlish,
    );
    /** A text with some of its own terms (so marks happen) and some arbitrary ones. */
    const cases = texts.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.subarray(termsOf(text)),
        fc.array(fc.oneof(fc.string(), fc.constantFrom('ai', 'script', 'mark', 'amp', 'lt')), {
          maxLength: 3,
        }),
      ),
    );

    it('gives back the input once marks are removed and entities decoded, with no tag but <mark>', () => {
      fc.assert(
        fc.property(cases, ([text, own, other]) => {
          const out = highlight(text, new Set([...own, ...other]));
          expect(plain(out)).toBe(text);
          expect(otherTags(out)).toEqual([]);
          expect(out).not.toMatch(/<mark><\/mark>|<mark><mark>/);
        }),
        { numRuns: 500 },
      );
    });

    it('gives a snippet that is a piece of the input, with no tag but <mark>', () => {
      fc.assert(
        fc.property(cases, ([text, own, other]) => {
          const out = snippet(text, new Set([...own, ...other]), 5);
          const body = plain(out.replace(/^… /, '').replace(/ …$/, ''));
          expect(text).toContain(body);
          expect(otherTags(out)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('snippet', () => {
  it('returns the whole text, highlighted, when it is short', () => {
    const text = words(SNIPPET_WORDS, [3]);
    expect(snippet(text, markTermsOf('protein'))).toBe(highlight(text, markTermsOf('protein')));
    expect(snippet('a <b> protein', markTermsOf('protein'))).toBe('a &lt;b&gt; <mark>protein</mark>');
  });

  it(`cuts a long text to ${SNIPPET_WORDS} words with "…" at both cut ends`, () => {
    const out = snippet(words(100, [70, 72]), markTermsOf('protein'));
    expect(out.startsWith('… ')).toBe(true);
    expect(out.endsWith(' …')).toBe(true);
    expect(plain(out).slice(2, -2).split(' ')).toHaveLength(SNIPPET_WORDS);
    expect(marked(out)).toEqual(['protein', 'protein']);
  });

  it('centres the window on the matches', () => {
    const out = plain(snippet(words(100, [70, 72]), markTermsOf('protein')));
    const inside = out.slice(2, -2).split(' ');
    const before = inside.indexOf('protein');
    const after = inside.length - 1 - inside.lastIndexOf('protein');
    expect(Math.abs(before - after)).toBeLessThanOrEqual(1);
  });

  it('chooses the densest cluster of matches over a lone earlier one', () => {
    const out = snippet(words(100, [5, 50, 52, 55]), markTermsOf('protein'));
    expect(marked(out)).toHaveLength(3);
    expect(plain(out)).toContain('w51');
    expect(plain(out)).not.toContain('w5 ');
  });

  it('puts "…" only at the start when the match is at the end', () => {
    const out = snippet(words(100, [98]), markTermsOf('protein'));
    expect(out.startsWith('… ')).toBe(true);
    expect(out.endsWith('<mark>protein</mark> w99')).toBe(true);
  });

  it('gives the opening words when nothing matches', () => {
    const out = snippet(words(100, []), markTermsOf('protein'));
    expect(out).toBe(`${words(SNIPPET_WORDS, [])} …`);
  });
});

describe('highlightHtml', () => {
  it('leaves links and bold tags intact and marks only the text', () => {
    const html = '<a href="https://ai.example/ai">AI lab</a> and <strong>ai &amp; robots</strong> &lt;b&gt;';
    expect(highlightHtml(html, markTermsOf('ai b'))).toBe(
      '<a href="https://ai.example/ai"><mark>AI</mark> lab</a> and <strong><mark>ai</mark> &amp; robots</strong> &lt;<mark>b</mark>&gt;',
    );
  });

  it('never marks inside a tag’s attributes', () => {
    const html = '<a href="https://x.org/strong" title="a strong href">weak</a>';
    expect(highlightHtml(html, markTermsOf('strong href title'))).toBe(html);
  });

  it('keeps the escaped text escaped', () => {
    const html = 'Tom&#39;s &quot;AI&quot; &lt;script&gt;';
    expect(highlightHtml(html, markTermsOf('ai script'))).toBe(
      'Tom&#39;s &quot;<mark>AI</mark>&quot; &lt;<mark>script</mark>&gt;',
    );
  });

  it('returns the HTML unchanged when there are no terms', () => {
    expect(highlightHtml('<em>AI</em> &amp;', new Set())).toBe('<em>AI</em> &amp;');
  });
});

describe('markTermsOf', () => {
  it.each([
    ['protein folding', ['protein', 'fold']],
    ['"exact phrase" -drones', ['exact', 'phrase']],
    ['robots OR drones topic:policy', ['robot', 'drone']],
    ['the of', ['the', 'of']],
    ['<script>alert(1)</script>', ['script', 'alert', '1']],
  ])('marks %j as %j (phrases give their words, exclusions nothing)', (q, terms) => {
    expect([...markTermsOf(q)]).toEqual(terms);
  });
});
