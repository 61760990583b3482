import { MAX_COMPLETIONS, MAX_CORRECTIONS } from './limits';
import { stemsToMark } from './mark-terms';
import { hasPhrase, type MatchMemo } from './match';
import type { Clause, Matcher, ParsedQuery } from './query';
import type { SearchIndex } from './search-index';
import { isStopTerm, queryTokens, wordOf } from './text';

/** A parsed query resolved against the archive's words. */
export interface RewrittenQuery {
  query: ParsedQuery;
  /** The query with each corrected word replaced where it was typed ("did you mean"). */
  suggestion?: string;
  /** The words the search matches, after correction and completion, for marking on pages. */
  terms: string[];
  /** Their stems, for marking snippets. */
  markTerms: Set<string>;
}

/**
 * Words the archive never uses are completed when they begin a word it does use ("interpretab" →
 * interpretability, interpretable), otherwise corrected to the closest word it uses ("protien" →
 * protein), and the corrected query is offered as a suggestion. Words naming a story kind or a topic
 * of the build are left alone. Compound words gain their split or joined spelling.
 */
export function rewriteQuery(index: SearchIndex, parsed: ParsedQuery, memo: MatchMemo): RewrittenQuery {
  const replacements: { start: number; raw: string; word: string }[] = [];
  const last = lastTerm(parsed);
  const typing = parsed.text.length > 0 && !/\s$/.test(parsed.text);
  const must: Clause[] = parsed.must.map((clause) => {
    const anyOf: Matcher[] = [];
    for (const matcher of clause.anyOf) {
      if (matcher.type !== 'term' || index.hasTerm(matcher.term)) {
        anyOf.push(matcher);
        continue;
      }
      const word = wordOf(matcher.raw);
      if (index.labelWords.has(word)) {
        anyOf.push(matcher);
        continue;
      }
      const minPrefix = typing && matcher === last ? 2 : 3;
      const completions = word.length >= minPrefix ? index.complete(word, MAX_COMPLETIONS) : [];
      if (completions.length > 0) {
        anyOf.push(...byStem(index, completions, matcher));
        continue;
      }
      const fix = replacements.length < MAX_CORRECTIONS ? index.speller.correct(word) : undefined;
      if (!fix) {
        anyOf.push(matcher);
        continue;
      }
      anyOf.push({ ...matcher, term: fix.term, words: [fix.word] });
      if (matcher.start >= 0) replacements.push({ start: matcher.start, raw: matcher.raw, word: fix.word });
    }
    return { anyOf };
  });
  const query = { ...parsed, must: joinCompounds(index, splitCompounds(index, must, memo)) };
  const terms = termsOf(query.must);
  return {
    query,
    suggestion: replacements.length > 0 ? applyReplacements(parsed.text, replacements) : undefined,
    terms,
    markTerms: stemsToMark(query.must),
  };
}

/** One matcher per distinct stem of the completed words, each carrying its words as exact forms. */
function byStem(index: SearchIndex, words: readonly string[], typed: Matcher & { type: 'term' }): Matcher[] {
  const stems = new Map<string, string[]>();
  for (const word of words) {
    const term = index.words.get(word)!.term;
    stems.set(term, [...(stems.get(term) ?? []), word]);
  }
  return [...stems].map(([term, forms]) => ({ ...typed, term, words: forms }));
}

/** "datacenters" also finds "data centers": a word that splits into two used words gains that phrase. */
function splitCompounds(index: SearchIndex, must: Clause[], memo: MatchMemo): Clause[] {
  return must.map((clause) => {
    const extra: Matcher[] = [];
    for (const matcher of clause.anyOf) {
      if (matcher.type !== 'term' || !/^[a-z]{6,}$/.test(matcher.raw.toLowerCase())) continue;
      const word = matcher.raw.toLowerCase();
      for (let cut = 3; cut <= word.length - 3; cut++) {
        const left = index.words.get(word.slice(0, cut));
        const right = index.words.get(word.slice(cut));
        if (!left || !right || isStopTerm(left.term) || isStopTerm(right.term)) continue;
        if (hasPhrase(index, [left.term, right.term], memo))
          extra.push({ type: 'phrase', terms: [left.term, right.term], raw: matcher.raw, start: -1 });
      }
    }
    return extra.length ? { anyOf: [...clause.anyOf, ...extra] } : clause;
  });
}

/** "data centers" also finds "datacenters": two adjacent words whose join is a used word. */
function joinCompounds(index: SearchIndex, must: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (let i = 0; i < must.length; i++) {
    const a = must[i]!.anyOf.length === 1 ? must[i]!.anyOf[0] : undefined;
    const b = must[i + 1]?.anyOf.length === 1 ? must[i + 1]!.anyOf[0] : undefined;
    if (a?.type === 'term' && b?.type === 'term') {
      const word = wordOf(a.raw + b.raw);
      const joined = index.words.get(word);
      if (joined && index.hasTerm(joined.term)) {
        out.push({
          anyOf: [
            { type: 'phrase', terms: [a.term, b.term], raw: `${a.raw} ${b.raw}`, start: -1 },
            { type: 'term', term: joined.term, words: [word], raw: `${a.raw}${b.raw}`, start: -1 },
          ],
        });
        i++;
        continue;
      }
    }
    out.push(must[i]!);
  }
  return out;
}

/** The words a search matches: each word's forms, and a phrase's words (stop words only when nothing else). */
function termsOf(must: readonly Clause[]): string[] {
  const words: string[] = [];
  const stop: string[] = [];
  for (const clause of must) {
    for (const matcher of clause.anyOf) {
      if (matcher.type === 'term') {
        (isStopTerm(matcher.term) ? stop : words).push(...matcher.words);
        continue;
      }
      for (const token of queryTokens(matcher.raw))
        (isStopTerm(token.term) ? stop : words).push(wordOf(matcher.raw.slice(token.start, token.end)));
    }
  }
  return [...new Set(words.length > 0 ? words : stop)];
}

function lastTerm(parsed: ParsedQuery): Matcher | undefined {
  const last = parsed.must[parsed.must.length - 1]?.anyOf.at(-1);
  return last?.type === 'term' && last.start >= 0 ? last : undefined;
}

function applyReplacements(
  text: string,
  replacements: readonly { start: number; raw: string; word: string }[],
) {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.word + out.slice(r.start + r.raw.length);
  return out;
}
