/**
 * Every number that shapes the ranking, in one table. Results are stories: a story's score
 * (headline, dek and body together, BM25F) orders the entries, and within a story the paragraph
 * that best matches the query leads. Tuned with `npm run eval` (lead and entry MRR@10 over the
 * relevance suite); change one number at a time and re-run it.
 */
export const RANKING = {
  /**
   * BM25 term-frequency saturation for paragraphs and stories: how quickly repeating a word stops
   * adding to the score. Range 0.5–2 (0 would count only presence). Default 1.2.
   */
  k1: 1.2,
  /** BM25 length normalisation of a paragraph's text. Range 0 (none) – 1 (full). Default 0.6. */
  b: 0.4,
  /**
   * BM25 length normalisation of a story (headline, dek and every paragraph): how much a long story
   * that mentions a word in passing loses to a short one about it. Range 0–1. Default 0.75.
   */
  storyB: 0.75,
  /**
   * How many body occurrences one occurrence in the story's headline or dek counts as in the
   * story's score (BM25F field weight). Range 1–10. Default 3.
   */
  head: 3,
  /**
   * Weight of an occurrence matching only the stem of the query's word ("interpreting" for
   * `interpretability`) against one holding the word's exact form (1). Range 0–1; 1 ignores the
   * form. Default 0.35.
   */
  stemmed: 0.35,
  /** A word found only in a cited link, as a share of a full match. Range 0–1. Default 0.6. */
  link: 0.6,
  /** A quoted phrase's score against the sum of its words' (it is rarer and meant). Range 1–2. Default 1.25. */
  phrase: 1.25,
  /**
   * Weight of the story's best paragraph score in the story's score, so the story holding the
   * answer in one place beats one with the words scattered. Range 0–2. Default 0.5.
   */
  bestParagraph: 0.5,
  /**
   * Weight of the headline and dek as text of the story's opening paragraph (in the newsletter they
   * are its run-in heading), when choosing a story's lead: 0 leaves that paragraph to its own words,
   * 1 reads the heading as part of it. Range 0–1. Default 1.
   */
  headline: 1,
  /** Extra share of score for a story's opening paragraph. Range 0–0.5. Default 0. */
  opening: 0.3,
  /**
   * A paragraph's score is multiplied by (query clauses it holds / clauses) to this power, so the
   * paragraph holding most of the words leads its story. Range 0–4. Default 2.
   */
  coverage: 0,
  /** Bonus when all the query's words appear in a paragraph together and in order. Range 0–5. Default 1.5. */
  adjacent: 1.5,
  /** Bonus scale for the query's words sitting close together in one paragraph. Range 0–5. Default 1.2. */
  proximity: 1.2,
  /** Bonus to a story whose headline (or dek) holds the query's words in order. Range 0–5. Default 1.5. */
  headPhrase: 1.5,
  /** Multiplier for a "Read more:" paragraph, which repeats the headline. Range 0–1. Default 0.3. */
  readMore: 0.3,
  /**
   * Multiplier for a "Why this matters" paragraph: commentary on the story, which restates its
   * subject in general words, rather than the reporting a search is after. Range 0–1. Default 0.7.
   */
  commentary: 0.7,
  /**
   * With `group=paragraph`, weight of the story's score added to each of its paragraphs', so a
   * paragraph is read in its story. Range 0–1. Default 0.35.
   */
  storyContext: 0.35,
  /**
   * When fewer than this many stories hold every clause of the query, stories holding all but one
   * (then all but two…) are matched too, ranked after them. Range 1–50 (1 turns it off). Default 10.
   */
  fill: 10,
  /** A story holding only some clauses has its score multiplied by (clauses held / clauses) to this power. Default 2. */
  relaxed: 2,
  /**
   * Stories, best by their BM25F, that add their best paragraph's score before the final order;
   * the rest follow in BM25F order. Range 50–1000. Default 100.
   */
  scoreDepth: 100,
  /**
   * Best stories (or paragraphs) that get the costlier proximity pass; further pages are ordered
   * without it. Range 20–1000. Default 30.
   */
  rerankDepth: 30,
} as const;
