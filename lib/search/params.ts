import { z } from 'zod';
import { MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, MAX_VALUES } from './limits';
import { parseYearRange } from './query';
import { DEFAULT_SEARCH_REQUEST, GROUPS, SORTS, type SearchRequest } from './types';

/** A request the API refuses, with the message it returns. */
export class SearchParamError extends Error {
  override name = 'SearchParamError';
  readonly status = 400;
}

const single = (name: string) =>
  z
    .array(z.string())
    .max(1, { message: `${name}: give it once` })
    .transform((values) => values[0]);

const integer = (name: string, min: number, max: number, fallback: number) =>
  single(name).transform((value, ctx) => {
    if (value === undefined || value === '') return fallback;
    if (!/^\d{1,7}$/.test(value.trim())) {
      ctx.addIssue({ code: 'custom', message: `${name}: "${clip(value)}" is not a whole number` });
      return z.NEVER;
    }
    const n = Number(value);
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name}: must be between ${min} and ${max} (got ${n})` });
      return z.NEVER;
    }
    return n;
  });

const oneOf = <T extends string>(name: string, options: readonly T[], fallback: T) =>
  single(name).transform((value, ctx) => {
    if (value === undefined || value === '') return fallback;
    if (!(options as readonly string[]).includes(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${name}: "${clip(value)}" is not one of ${options.join(', ')}`,
      });
      return z.NEVER;
    }
    return value as T;
  });

const values = (name: string) =>
  z.array(z.string()).max(MAX_VALUES, { message: `${name}: at most ${MAX_VALUES} values` });

const schema = z.object({
  q: single('q').transform((value, ctx) => {
    const q = value ?? '';
    if (q.length > MAX_QUERY_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `q: the query is ${q.length} characters; the limit is ${MAX_QUERY_LENGTH}`,
      });
      return z.NEVER;
    }
    // Operators and filters are not terms: count what the query parser would search for.
    const words = q
      .split(/\s+/)
      .filter((w) => w && w !== 'OR' && w !== '|' && !/^-?(topic|year|issue|kind|link):/i.test(w)).length;
    if (words > MAX_QUERY_TERMS) {
      ctx.addIssue({
        code: 'custom',
        message: `q: the query has ${words} terms; the limit is ${MAX_QUERY_TERMS}`,
      });
      return z.NEVER;
    }
    return q;
  }),
  topic: values('topic').transform((list) => list.map((v) => v.trim().toLowerCase()).filter(Boolean)),
  year: values('year').transform((list, ctx) => {
    for (const v of list) {
      if (!parseYearRange(v.trim())) {
        ctx.addIssue({
          code: 'custom',
          message: `year: "${clip(v)}" is not a year (2023) or a range (2019..2021)`,
        });
        return z.NEVER;
      }
    }
    // One spelling for every range ("2019-2021" and "2019–2021" become "2019..2021").
    return list.map((v) => v.trim().replace(/^(\d{4})?(?:-|–)(\d{4})?$/, '$1..$2'));
  }),
  issue: values('issue').transform((list, ctx) => {
    const out: number[] = [];
    for (const v of list) {
      if (!/^\d{1,5}$/.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: `issue: "${clip(v)}" is not an issue number` });
        return z.NEVER;
      }
      out.push(Number(v));
    }
    return out;
  }),
  kind: values('kind').transform((list) => list.map((v) => v.trim().toLowerCase()).filter(Boolean)),
  sort: oneOf('sort', SORTS, DEFAULT_SEARCH_REQUEST.sort),
  group: oneOf('group', GROUPS, DEFAULT_SEARCH_REQUEST.group),
  page: integer('page', 1, MAX_PAGE, DEFAULT_SEARCH_REQUEST.page),
  per: integer('per', 1, MAX_PER_PAGE, DEFAULT_SEARCH_REQUEST.per),
});

const KNOWN = ['q', 'topic', 'year', 'issue', 'kind', 'sort', 'group', 'page', 'per'] as const;

/**
 * Validates search parameters from a URL (the API and the search page share this). Throws
 * `SearchParamError` with a message naming the parameter; unknown parameters are ignored.
 */
export function parseSearchParams(params: URLSearchParams): SearchRequest {
  const raw = Object.fromEntries(KNOWN.map((key) => [key, params.getAll(key)]));
  const result = schema.safeParse(raw);
  if (!result.success)
    throw new SearchParamError(result.error.issues[0]?.message ?? 'invalid search parameters');
  return result.data as SearchRequest;
}

/** Next's `searchParams` object (string | string[] | undefined values) as URLSearchParams. */
export function toUrlSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== undefined) params.append(key, value);
  }
  return params;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
