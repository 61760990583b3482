/**
 * The limits a search request must respect, in one small module with no dependencies, so the
 * parameter parser, the query parser and the client-side search box read the same numbers.
 */

/** Characters of `q`; a longer query is refused (the query parser also truncates to it). */
export const MAX_QUERY_LENGTH = 512;
/** Words, phrases and alternatives in `q`; more are refused by the API and ignored by the parser. */
export const MAX_QUERY_TERMS = 32;
/** Results per page. */
export const MAX_PER_PAGE = 100;
/** Pages beyond this are refused: nobody pages that far, and it bounds the work per request. */
export const MAX_PAGE = 1000;
/** Values of one multi-valued parameter (`topic`, `year`, `issue`, `kind`). */
export const MAX_VALUES = 20;
/** Rows one export (`format=csv|md|json`) returns. */
export const MAX_EXPORT = 1000;
/** Misspelt words corrected per query: correction is the costliest step, so a flood of nonsense is bounded. */
export const MAX_CORRECTIONS = 4;
/** Archive words a typed prefix is completed to (the most frequent ones). */
export const MAX_COMPLETIONS = 8;
/** Responses kept in memory per engine, for repeated requests (search-as-you-type, paging back). */
export const CACHE_SIZE = 200;
/**
 * Requests remembered by their key alone (about 150 bytes each): a response is cached from the
 * second time its request is seen within the last this many, so one-off queries do not churn the cache.
 */
export const CACHE_SEEN = 1000;
/**
 * Bytes of paragraphs' encoded JSON kept for writing API responses (`lib/search/response-json.ts`);
 * when the next paragraph would pass it, all are dropped and encoded again as they are shown.
 * Today's archive (7,007 paragraphs) fits within it once every paragraph has been shown, so it
 * stays whole; a larger one is dropped and encoded again each time it fills. A budget much smaller
 * than the archive is worse than none: measured with 3 MB, paragraphs were encoded, dropped and
 * encoded again.
 */
export const JSON_CACHE_BYTES = 8 * 1024 * 1024;
/** Further matching paragraphs a story result shows besides its lead (`more`). */
export const MORE_PER_STORY = 2;
/**
 * Token positions one search may read while checking phrases and compound words against candidate
 * paragraphs (`lib/search/budget.ts`). The archive holds about 336,000 words; a phrase of the
 * commonest ones ("of the", "the the") reads 190,000–310,000 of them, so any query of up to six such
 * phrases is answered in full, while 16 different ones (the most the 32-word limit allows, up to
 * 4.9 million positions) stop here, with `truncated: true` and a warning. On the bench machine the
 * budget is 5–20 ms of reading; it does not grow with the archive.
 */
export const MAX_PHRASE_WORK = 2_000_000;
