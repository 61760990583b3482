import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, isStopTerm, termsOf, tokenize } from './text';

describe('tokenize', () => {
  it('gives offsets that slice back to the original words', () => {
    const text = "Google's AlphaFold folded 3 proteins — see arXiv 2405.06624, GPT-4 and Schmidhüber’s café.";
    expect(tokenize(text).map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['googl', "Google's"],
      ['alphafold', 'AlphaFold'],
      ['fold', 'folded'],
      ['3', '3'],
      ['protein', 'proteins'],
      ['see', 'see'],
      ['arxiv', 'arXiv'],
      ['2405.06624', '2405.06624'],
      ['gpt', 'GPT'],
      ['4', '4'],
      ['gpt4', 'GPT-4'],
      ['and', 'and'],
      ['schmidhub', 'Schmidhüber’s'],
      ['cafe', 'café'],
    ]);
  });

  it('slices every token back to a word that starts with a letter or digit, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const token of tokenize(text)) {
          const word = text.slice(token.start, token.end);
          expect(word).toMatch(/^[\p{L}\p{N}]/u);
          expect(word).toMatch(/[\p{L}\p{N}\p{M}]$/u);
          expect(token.term).not.toBe('');
        }
      }),
    );
  });

  it('numbers the words in order, giving the joined form of a hyphenated word its first part’s position', () => {
    expect(tokenize('fast self-driving cars').map((t) => [t.term, t.pos])).toEqual([
      ['fast', 0],
      ['self', 1],
      ['drive', 2],
      ['selfdriv', 1],
      ['car', 3],
    ]);
  });

  it.each([
    ["Google's", 'googl'],
    ['Google’s', 'googl'],
    ['Google', 'googl'],
    ["DeepMind's", 'deepmind'],
    ["don't", 'dont'],
  ])('drops the possessive of %j and joins apostrophes', (word, term) => {
    expect(termsOf(word)).toEqual([term]);
  });

  it.each([
    ['2405.06624', ['2405.06624']],
    ['arXiv:2405.06624.', ['arxiv', '2405.06624']],
    ['version 3.5', ['version', '3.5']],
  ])('keeps the arXiv id or version number in %j whole', (text, terms) => {
    expect(termsOf(text)).toEqual(terms);
  });

  it.each([
    ['GPT-4', ['gpt', '4', 'gpt4']],
    ['self-driving', ['self', 'drive', 'selfdriv']],
    ['state-of-the-art', ['state', 'of', 'the', 'art', 'stateoftheart']],
    ['snake_case', ['snake', 'case', 'snakecas']],
  ])('splits %j into its parts plus the joined form', (word, terms) => {
    expect(termsOf(word)).toEqual(terms);
  });

  it.each([
    ['Schmidhüber', 'schmidhuber'],
    ['CAFÉ', 'cafe'],
    ['Ångström', 'angstrom'],
    ['naïve', 'naive'],
  ])('folds case and accents: %j and %j give the same term', (a, b) => {
    expect(termsOf(a)).toEqual(termsOf(b));
    expect(termsOf(a)).toHaveLength(1);
  });

  it('keeps a word with combining marks whole', () => {
    expect(termsOf('Schmidhu\u0308ber')).toEqual(termsOf('Schmidhüber'));
    expect(termsOf('हिन्दी')).toHaveLength(1);
  });
});

describe('termsOf', () => {
  it('gives "folded proteins" and "protein folding" the same term set', () => {
    expect(new Set(termsOf('folded proteins'))).toEqual(new Set(termsOf('protein folding')));
    expect(new Set(termsOf('Protein Folding'))).toEqual(new Set(['protein', 'fold']));
  });

  it('gives nothing for text without letters or digits', () => {
    expect(termsOf(' — … !? "" ')).toEqual([]);
  });
});

describe('fold', () => {
  it('lower-cases and strips accents', () => {
    expect(fold('Schmidhüber CAFÉ')).toBe('schmidhuber cafe');
  });
});

describe('isStopTerm', () => {
  it.each([
    ['the', true],
    ['about', true],
    ['protein', false],
    ['ai', false],
  ])('says %j is a stop term: %j', (word, stop) => {
    expect(isStopTerm(termsOf(word)[0]!)).toBe(stop);
  });
});
